package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a2clab.export.FiniteJson;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.RecordedEpisode;

/**
 * The {@code episode} command's output: one JSON object per frame, one per line; with λ < 1 also
 * the frame's λ-return and GAE advantage. A Gaussian policy's frames carry {@code mean}, {@code std},
 * the real {@code action} a, the applied {@code force} (N) and {@code log_prob} = log π(a|s) in
 * place of {@code probs} and the 0/1 action.
 */
final class EpisodeJson {
    private EpisodeJson() {
    }

    /** One line per frame; {@code warnings} hears of any number printed as null. */
    static List<String> lines(RecordedEpisode episode, FiniteJson.NonFinite warnings) {
        List<String> out = new ArrayList<>(episode.length());
        for (EpisodeFrame f : episode.frames()) {
            JsonObject o = frame(f);
            if (episode.lambda() < 1) {
                o.addProperty("lambda_return", f.lambdaReturn());
                o.addProperty("gae_advantage", f.gaeAdvantage());
            }
            out.add(FiniteJson.line(o, warnings));
        }
        return out;
    }

    static JsonObject frame(EpisodeFrame f) {
        JsonObject o = new JsonObject();
        o.addProperty("t", f.t());
        o.add("state", Json.doubles(f.state()));
        o.add("obs", Json.floats(f.observation()));
        Map<String, Object> policy = f.policy().distribution().frameJson(f.probLeft(), f.probRight(), f.action(),
                f.gaussian());
        for (Map.Entry<String, Object> e : policy.entrySet()) {
            if (e.getValue() instanceof float[]) {
                o.add(e.getKey(), Json.floats((float[]) e.getValue()));
            } else {
                o.addProperty(e.getKey(), (Number) e.getValue());
            }
        }
        o.addProperty("value", f.value());
        o.addProperty("reward", f.reward());
        o.addProperty("terminated", f.terminated());
        o.addProperty("truncated", f.truncated());
        o.addProperty("n_step_return", f.nStepReturn());
        o.addProperty("advantage", f.advantage());
        o.addProperty("td_error", f.tdError());
        o.addProperty("entropy", f.entropy());
        return o;
    }
}
