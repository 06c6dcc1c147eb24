package org.a2clab.inspect;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.ActionDistribution;
import org.a2clab.agent.ActorCritic;
import org.a2clab.env.CartPole;
import org.a2clab.train.WorkerFrame;

/**
 * Turns the rendered worker's training frames into a {@link RecordedEpisode}. π and V are the
 * ones the network had when it acted; only the bootstrap after the last frame is evaluated now.
 */
public final class TrainingEpisodes {
    private TrainingEpisodes() {
    }

    /** Builds an episode from consecutive frames; call on the network's thread. */
    public static RecordedEpisode record(List<WorkerFrame> frames, ActorCritic net, int nSteps,
            double gamma) {
        return record(frames, net, nSteps, gamma, 1.0);
    }

    /** As above, with λ-returns and GAE advantages for {@code lambda}. */
    public static RecordedEpisode record(List<WorkerFrame> frames, ActorCritic net, int nSteps,
            double gamma, double lambda) {
        List<EpisodeStep> steps = new ArrayList<>(frames.size());
        for (WorkerFrame f : frames) {
            double[] s = f.state();
            float[] obs = {(float) s[0], (float) s[1], (float) s[2], (float) s[3]};
            steps.add(new EpisodeStep(s.clone(), obs, 1f - f.probRight(), f.probRight(), f.value(),
                    f.action(), f.reward(), f.terminated(), f.truncated(), false, f.gaussian()));
        }
        double nextValue = 0.0;
        if (!frames.isEmpty() && !frames.get(frames.size() - 1).terminated()) {
            nextValue = net.evaluate(new float[][] {successorObservation(frames.get(frames.size() - 1))})
                    .values()[0];
        }
        return RecordedEpisode.of(EpisodeKind.TRAINING, -1, steps, nextValue, nSteps, gamma, lambda);
    }

    /**
     * The observation after a frame: frames keep only the state acted in, and the physics is
     * deterministic, so replaying the action gives the exact final observation to bootstrap from.
     */
    static float[] successorObservation(WorkerFrame last) {
        double[] s = last.state();
        CartPole env = new CartPole(0);
        env.setState(s[0], s[1], s[2], s[3]);
        ActionDistribution d = last.policy().distribution();
        return d.step(env, d.recordedAction(last.action(), last.gaussian())).observation();
    }
}
