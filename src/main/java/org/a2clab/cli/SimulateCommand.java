package org.a2clab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;

/** {@code simulate}: CartPole from an exact state under given actions, one JSON line per step. */
final class SimulateCommand {
    static final String HELP = "usage: a2c-lab simulate --state x,x_dot,theta,theta_dot --actions a0,a1,...\n"
            + "Starts CartPole-v1 at that exact double state (step counter 0), applies the actions\n"
            + "(0 = push left, 1 = push right) and prints one JSON line per step, stopping after the\n"
            + "first step that terminates or truncates.\n";

    private SimulateCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, 1, Set.of("--state", "--actions"), Set.of());
        String stateText = o.required("--state");
        double[] s = Options.doubles("--state", stateText, 4);
        // the observation is the state as float32: each value must be finite as a float too
        Options.floats("--state", stateText, 4);
        String[] actionText = o.required("--actions").split(",");
        int[] actions = new int[actionText.length];
        for (int i = 0; i < actions.length; i++) {
            String a = actionText[i].trim();
            if (!a.equals("0") && !a.equals("1")) {
                throw new UsageException("--actions: each action must be 0 or 1, got '" + a + "'");
            }
            actions[i] = Integer.parseInt(a);
        }
        CartPole env = new CartPole(0);
        env.setState(s[0], s[1], s[2], s[3]);
        // printed only when every step is finite: a refused run prints no partial trajectory
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < actions.length; t++) {
            StepResult r = env.step(actions[t]);
            if (!finite(env.state(), r.observation())) {
                throw new UsageException("--state: the physics overflows at step " + t + " (state "
                        + Arrays.toString(env.state()) + "); start from a smaller state");
            }
            lines.add(line(t, actions[t], env.state(), r));
            if (r.done()) {
                break;
            }
        }
        lines.forEach(out::println);
        return 0;
    }

    private static boolean finite(double[] state, float[] observation) {
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i]) || !Float.isFinite(observation[i])) {
                return false;
            }
        }
        return true;
    }

    /** Hand-written so doubles print exactly as Double.toString and floats as Float.toString. */
    private static String line(int t, int action, double[] state, StepResult r) {
        StringBuilder b = new StringBuilder();
        b.append("{\"t\":").append(t).append(",\"action\":").append(action).append(",\"state\":[");
        for (int i = 0; i < 4; i++) {
            b.append(i == 0 ? "" : ",").append(Double.toString(state[i]));
        }
        b.append("],\"obs\":[");
        for (int i = 0; i < 4; i++) {
            b.append(i == 0 ? "" : ",").append(Float.toString(r.observation()[i]));
        }
        b.append("],\"reward\":").append(Float.toString(r.reward()))
                .append(",\"terminated\":").append(r.terminated())
                .append(",\"truncated\":").append(r.truncated()).append('}');
        return b.toString();
    }
}
