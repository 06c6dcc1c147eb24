package org.a2clab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeStep;
import org.a2clab.inspect.RecordedEpisode;

/** Episodes with known numbers: frame t has V = base + t and θ = 0.01·t; the last one terminates. */
public final class SyntheticEpisodes {
    private SyntheticEpisodes() {
    }

    public static RecordedEpisode episode(EpisodeKind kind, long seed, int length, double base) {
        List<EpisodeStep> steps = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            double[] s = {0, 0, 0.01 * t, 0};
            float[] obs = {0, 0, (float) s[2], 0};
            steps.add(new EpisodeStep(s, obs, 0.4f, 0.6f, (float) (base + t), t % 2, 1f,
                    t == length - 1, false, false));
        }
        return RecordedEpisode.of(kind, seed, steps, 0, 4, 0.9);
    }

    /**
     * A Gaussian policy's episode: frame t has μ = 0.1·t, σ = 0.5 and a = μ + 0.4 (so from t = 6 on
     * a > 1 is clipped), V = base + t and θ = 0.01·t; the last frame terminates.
     */
    public static RecordedEpisode gaussian(EpisodeKind kind, long seed, int length, double base) {
        List<EpisodeStep> steps = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            double[] s = {0, 0, 0.01 * t, 0};
            float[] obs = {0, 0, (float) s[2], 0};
            GaussianAction a = GaussianAction.of(0.1f * t, 0.5f, 0.1f * t + 0.4);
            float right = (float) GaussianPolicy.probPositive(a.mean(), a.std());
            steps.add(new EpisodeStep(s, obs, 1 - right, right, (float) (base + t), a.force() > 0 ? 1 : 0, 1f,
                    t == length - 1, false, false, a));
        }
        return RecordedEpisode.of(kind, seed, steps, 0, 4, 0.9);
    }
}
