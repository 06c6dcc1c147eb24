package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.export.LoadedModel;

/** {@code policy}: π(·|s) (or μ(s) and σ(s)) and V(s) of a saved model for given observations. */
final class PolicyCommand {
    static final String HELP = "usage: a2c-lab policy --model PATH --obs x,x_dot,theta,theta_dot [--obs ...]\n"
            + "Prints one JSON line per observation: {\"obs\":[...],\"probs\":[p_left,p_right],\"value\":v};\n"
            + "for a Gaussian model {\"obs\":[...],\"mean\":mu,\"std\":sigma,\"value\":v}.\n"
            + ModelOption.HELP
            + "  --obs A,B,C,D       an observation: cart position, cart velocity, pole angle (rad),\n"
            + "                      pole angular velocity; repeat for several\n";

    private PolicyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = new Options(args, 1, Set.of("--model", "--obs"), Set.of());
        List<String> given = o.all("--obs");
        if (given.isEmpty()) {
            throw new UsageException("--obs is required (x,x_dot,theta,theta_dot)");
        }
        // The network sees float32, so the observations are parsed and echoed as floats.
        float[][] obs = new float[given.size()][];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = Options.floats("--obs", given.get(i), ActorCritic.OBSERVATION_SIZE);
        }
        try (LoadedModel model = ModelOption.load(o, err)) {
            PolicyBatch p = model.network().evaluateFinite(obs);
            for (int i = 0; i < obs.length; i++) {
                JsonObject line = new JsonObject();
                line.add("obs", Json.floats(obs[i]));
                // named and shaped as the ONNX outputs: "probs" [2], or "mean" and "std" as numbers
                float[][] outputs = p.distribution().outputs(p.actor(), i);
                List<String> names = p.distribution().onnxOutputs();
                for (int k = 0; k < outputs.length; k++) {
                    if (outputs[k].length == 1) {
                        line.addProperty(names.get(k), outputs[k][0]);
                    } else {
                        JsonArray values = new JsonArray();
                        for (float v : outputs[k]) {
                            values.add(v);
                        }
                        line.add(names.get(k), values);
                    }
                }
                line.addProperty("value", p.values()[i]);
                out.println(Json.line(line, err));
            }
        }
        return 0;
    }
}
