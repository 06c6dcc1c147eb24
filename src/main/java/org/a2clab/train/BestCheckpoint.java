package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.ActorCritic;

/**
 * Keeps the best weights seen while training. Every {@code every} env steps the current network
 * plays {@code episodes} greedy episodes on evaluation CartPoles with fixed seeds (the same start
 * states at every evaluation, apart from the training envs); if its mean return is at least the
 * best so far (ties: the later network, which has trained longer), its weights are copied. A2C's
 * policy can collapse after solving; this copy is what a user should export. Runs on the
 * training thread, between updates.
 */
public final class BestCheckpoint {
    /** Seeds of the evaluation CartPoles: far from any training seed's envs (seed … seed + 255). */
    public static final long EVAL_SEED = 1_000_000_007L;
    public static final long DEFAULT_EVERY = 20_000;
    public static final int DEFAULT_EPISODES = 10;

    /** Scores a network; the real one plays greedy episodes, tests script it. */
    @FunctionalInterface
    public interface Evaluator {
        double meanReturn(ActorCritic net);
    }

    /** One evaluation: when, and the greedy mean return. */
    public record Point(long envSteps, double meanReturn) {
    }

    private final long every;
    private final int episodes;
    private final Evaluator evaluator;
    private final List<Point> points = new ArrayList<>();
    private float[][] bestWeights;
    private Point best;
    private long nextAt;
    private long nanos;

    /** Greedy evaluation every {@code every} env steps on {@code episodes} episodes. */
    public BestCheckpoint(long every, int episodes) {
        this(every, episodes, net -> GreedyEvaluation.mean(GreedyEvaluation.returns(net, episodes, EVAL_SEED)));
    }

    public BestCheckpoint(long every, int episodes, Evaluator evaluator) {
        if (every < 1 || episodes < 1) {
            throw new IllegalArgumentException("evaluation every " + every + " steps on " + episodes
                    + " episodes: both must be ≥ 1");
        }
        this.every = every;
        this.episodes = episodes;
        this.evaluator = evaluator;
        this.nextAt = every;
    }

    /** Evaluates if {@code every} more env steps have passed since the last evaluation. */
    public void afterUpdate(A2c a2c) {
        if (a2c.envSteps() >= nextAt) {
            evaluate(a2c);
            while (nextAt <= a2c.envSteps()) {
                nextAt += every;
            }
        }
    }

    /** At the end of training: evaluates the final network too, unless that just happened. */
    public void finish(A2c a2c) {
        if (points.isEmpty() || points.get(points.size() - 1).envSteps() != a2c.envSteps()) {
            evaluate(a2c);
        }
    }

    private void evaluate(A2c a2c) {
        long start = System.nanoTime();
        ActorCritic net = a2c.network();
        Point p = new Point(a2c.envSteps(), evaluator.meanReturn(net));
        points.add(p);
        if (best == null || p.meanReturn() >= best.meanReturn()) {
            best = p;
            bestWeights = net.copyParameters();
        }
        nanos += System.nanoTime() - start;
    }

    public boolean hasBest() {
        return best != null;
    }

    /** The best evaluation so far, or null before the first. */
    public Point best() {
        return best;
    }

    /** Every evaluation so far, in order (for the return chart and the metrics). */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** How many evaluations ran (cheaper than {@link #points()} after every update). */
    public int evaluations() {
        return points.size();
    }

    /** The manifest entry of the best network. */
    public Checkpoint bestCheckpoint() {
        return new Checkpoint(Checkpoint.Kind.BEST, best.meanReturn(), best.envSteps(), episodes);
    }

    /** The manifest entry of the final network: its own evaluation if the last one was at its step. */
    public Checkpoint finalCheckpoint(A2c a2c) {
        Point last = points.isEmpty() ? null : points.get(points.size() - 1);
        if (last == null || last.envSteps() != a2c.envSteps()) {
            return Checkpoint.FINAL_UNEVALUATED;
        }
        return new Checkpoint(Checkpoint.Kind.FINAL, last.meanReturn(), last.envSteps(), episodes);
    }

    /** A new network like {@code like} holding the best weights; the caller owns and closes it. */
    public ActorCritic bestNetwork(ActorCritic like) {
        if (best == null) {
            throw new IllegalStateException("no evaluation yet");
        }
        ActorCritic copy = new ActorCritic(like.policy(), like.hiddenSize(), 0, like.device(), 0);
        // not NDArray.set(float[]): that prints libtorch's AutoNonVariableTypeMode warning
        copy.setParameters(bestWeights);
        return copy;
    }

    /** Wall time spent evaluating, to weigh against training time. */
    public double seconds() {
        return nanos / 1e9;
    }
}
