package org.a2clab.inspect;

import org.a2clab.agent.ActorCritic;

/** Records whole evaluation episodes of a network. Run on the network's thread. */
public final class EpisodeRecorder {
    private EpisodeRecorder() {
    }

    /** Plays one episode from {@code seed}'s reset state until it terminates or truncates. */
    public static RecordedEpisode record(ActorCritic net, EpisodeKind kind, long seed,
            int nSteps, double gamma) {
        LiveEpisode episode = new LiveEpisode(kind, seed);
        while (episode.step(net)) {
            // each step evaluates the network once
        }
        return episode.snapshot(net, nSteps, gamma);
    }

    /** As above, with λ-returns and GAE advantages for {@code lambda}. */
    public static RecordedEpisode record(ActorCritic net, EpisodeKind kind, long seed,
            int nSteps, double gamma, double lambda) {
        LiveEpisode episode = new LiveEpisode(kind, seed);
        while (episode.step(net)) {
            // each step evaluates the network once
        }
        return episode.snapshot(net, nSteps, gamma, lambda);
    }
}
