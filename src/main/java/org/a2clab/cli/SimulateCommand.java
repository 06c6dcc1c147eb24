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
    static final String HELP = "usage: a2c-lab simulate [--action-space discrete|continuous]\n"
            + "                        --state x,x_dot,theta,theta_dot --actions a0,a1,...\n"
            + "Starts CartPole-v1 at that exact double state (step counter 0), applies the actions\n"
            + "and prints one JSON line per step, stopping after the first step that terminates or\n"
            + "truncates. discrete (default): 0 = push left, 1 = push right (-10 N / +10 N).\n"
            + "continuous: any finite real a, force = 10 N x clip(a, -1, 1); a = -1 and 1 give the\n"
            + "discrete steps bit for bit.\n";
    static final String DISCRETE = "discrete";
    static final String CONTINUOUS = "continuous";

    private SimulateCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, 1, Set.of("--state", "--actions", "--action-space"), Set.of());
        String space = o.string("--action-space", DISCRETE).trim();
        if (!space.equals(DISCRETE) && !space.equals(CONTINUOUS)) {
            throw new UsageException("--action-space must be discrete or continuous, got '" + space + "'");
        }
        boolean continuous = space.equals(CONTINUOUS);
        String stateText = o.required("--state");
        double[] s = Options.doubles("--state", stateText, 4);
        // the observation is the state as float32: each value must be finite as a float too
        Options.floats("--state", stateText, 4);
        List<String> actionText = Options.items("--actions", o.required("--actions"));
        double[] actions = new double[actionText.size()];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = continuous ? continuousAction(actionText.get(i)) : discreteAction(actionText.get(i));
        }
        CartPole env = new CartPole(0);
        env.setState(s[0], s[1], s[2], s[3]);
        // printed only when every step is finite: a refused run prints no partial trajectory
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < actions.length; t++) {
            StepResult r = continuous ? env.stepContinuous(actions[t]) : env.step((int) actions[t]);
            if (!finite(env.state(), r.observation())) {
                throw new UsageException("--state: the physics overflows at step " + t + " (state "
                        + Arrays.toString(env.state()) + "); start from a smaller state");
            }
            String action = continuous ? Double.toString(actions[t]) : Integer.toString((int) actions[t]);
            lines.add(line(t, action, env.state(), r));
            if (r.done()) {
                break;
            }
        }
        lines.forEach(out::println);
        return 0;
    }

    private static double discreteAction(String a) {
        if (!a.equals("0") && !a.equals("1")) {
            throw new UsageException("--actions: each action must be 0 or 1, got '" + a + "'");
        }
        return Integer.parseInt(a);
    }

    private static double continuousAction(String a) {
        double v;
        try {
            v = Double.parseDouble(a);
        } catch (NumberFormatException e) {
            throw new UsageException("--actions: each continuous action must be a number, got '" + a + "'");
        }
        if (!Double.isFinite(v)) {
            throw new UsageException("--actions: each continuous action must be finite, got '" + a + "'");
        }
        return v;
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
    private static String line(int t, String action, double[] state, StepResult r) {
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
