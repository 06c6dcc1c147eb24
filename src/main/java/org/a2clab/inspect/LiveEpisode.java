package org.a2clab.inspect;

import org.a2clab.train.Actions;
import org.a2clab.train.PolicyStep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;

/**
 * An evaluation episode played one step at a time, which the user may push between steps. Not
 * thread-safe, and every method that takes the network must run on the network's thread.
 *
 * <p>A push is part of the environment's transition: the step before it bootstraps from V of the
 * pushed state, so its TD error shows how much the push surprised the critic.
 */
public final class LiveEpisode {
    private final EpisodeKind kind;
    private final long seed;
    private final CartPole env;
    private final SplittableRandom actionRandom;
    private final List<EpisodeStep> steps = new ArrayList<>();
    /** π and V of the current observation, evaluated once and reused for the next action. */
    private PolicyBatch current;
    private boolean pushed;
    private boolean done;

    /** A new episode from the reset state that {@code seed} gives; kind is GREEDY or SAMPLED. */
    public LiveEpisode(EpisodeKind kind, long seed) {
        if (kind == EpisodeKind.TRAINING) {
            throw new IllegalArgumentException("a live episode is greedy or sampled");
        }
        this.kind = kind;
        this.seed = seed;
        this.env = new CartPole(seed);
        // Distinct stream from the env's resets, so greedy and sampled start in the same state.
        this.actionRandom = Actions.samplingStream(seed);
        env.reset();
    }

    /** Plays one step; returns false (and does nothing) once the episode has ended. */
    public boolean step(ActorCritic net) {
        if (done) {
            return false;
        }
        PolicyBatch policy = policy(net);
        double[] state = env.state();
        float[] obs = env.observation();
        float probLeft = policy.probLeft(0);
        float probRight = policy.probRight(0);
        // greedy: argmax π, or a = μ(s) for a Gaussian policy
        PolicyStep taken = Actions.act(env, policy, 0, kind == EpisodeKind.GREEDY, actionRandom);
        StepResult r = taken.result();
        steps.add(new EpisodeStep(state, obs, probLeft, probRight, policy.values()[0], taken.action(),
                r.reward(), r.terminated(), r.truncated(), pushed, taken.gaussian()));
        pushed = false;
        current = null;
        done = r.done();
        return true;
    }

    /** Pushes the current state; the next step is marked perturbed. Returns the pushed state. */
    public double[] perturb(Impulse impulse) {
        if (done) {
            throw new IllegalStateException("the episode has ended");
        }
        if (impulse.target() == Impulse.Target.CART_VELOCITY) {
            env.perturb(0, impulse.size(), 0, 0);
        } else {
            env.perturb(0, 0, 0, impulse.size());
        }
        pushed = true;
        current = null;
        return env.state();
    }

    /** The frames so far with their returns, bootstrapped from V of the current observation. */
    public RecordedEpisode snapshot(ActorCritic net, int nSteps, double gamma) {
        return snapshot(net, nSteps, gamma, 1.0);
    }

    /** As above, with λ-returns and GAE advantages for {@code lambda}. */
    public RecordedEpisode snapshot(ActorCritic net, int nSteps, double gamma, double lambda) {
        boolean terminated = done && steps.get(steps.size() - 1).terminated();
        double nextValue = terminated ? 0.0 : policy(net).values()[0];
        return RecordedEpisode.of(kind, seed, steps, nextValue, nSteps, gamma, lambda);
    }

    private PolicyBatch policy(ActorCritic net) {
        if (current == null) {
            current = net.evaluateFinite(new float[][] {env.observation()});
        }
        return current;
    }

    /** The exact current state {x, ẋ, θ, θ̇}. */
    public double[] state() {
        return env.state();
    }

    public boolean done() {
        return done;
    }

    public int length() {
        return steps.size();
    }

    public EpisodeKind kind() {
        return kind;
    }
}
