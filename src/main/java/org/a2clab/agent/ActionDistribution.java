package org.a2clab.agent;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.a2clab.env.Environment;
import org.a2clab.env.StepResult;
import org.a2clab.env.VectorEnv;

/**
 * A policy's action distribution, as Stable-Baselines3's {@code Distribution}: what the actor's
 * heads mean, how an action is sampled or chosen greedily, its entropy, the actor's loss term and
 * gradient, what a frame records, and the names its heads, ONNX outputs and chart series carry.
 * Chosen once from the {@link PolicyKind} ({@link PolicyKind#distribution()}); everywhere else the
 * code asks the distribution instead of testing the kind. Plain Java (no DJL), so the inspector,
 * the CLI and the app can use it; only the loss term, package-private, is the learner's.
 *
 * <p>An actor row is the two numbers {@link PolicyBatch#actor()} keeps per observation; an action
 * is a float (a categorical action is 0 or 1, a Gaussian one the sampled, unclipped a).
 */
public abstract class ActionDistribution {

    ActionDistribution() {
    }

    /** The kind this distribution is chosen by, for manifests and messages. */
    public abstract PolicyKind kind();

    /** Units of each actor head of the network, in parameter order. */
    public abstract int[] actorHeadUnits();

    /** The safetensors (and PyTorch module) names of the actor heads, in parameter order. */
    public abstract List<String> actorHeadNames();

    /**
     * The ONNX graph's actor outputs, in output order, one per actor head and as wide as it
     * ({@link #actorHeadUnits()}); the critic's "value" follows them.
     */
    public abstract List<String> onnxOutputs();

    /**
     * Row i's actor outputs as the ONNX graph gives them, one array per {@link #onnxOutputs()}
     * name: [π(left), π(right)], or [μ] and [σ].
     */
    public abstract float[][] outputs(float[] actor, int i);

    /**
     * The bias a fresh network's actor head {@code head} starts with instead of PyTorch's uniform
     * draw, or null to keep the draw: a Gaussian actor starts with log σ = {@code initialLogStd}.
     */
    abstract float[] initialHeadBias(int head, double initialLogStd);

    /** Writes the actor row of the raw head outputs {@code heads[row ..]} into {@code actor[at ..]}. */
    abstract void actorRow(float[] heads, int row, float[] actor, int at);

    /** What the actor outputs are called in a message about a non-finite output ("π", "μ, σ"). */
    public abstract String outputNames();

    /** Row i's actor outputs for a message, e.g. "π = [l, r]" or "μ = m, log σ = l". */
    public abstract String describe(float[] actor, int i);

    /** π(right|s), or for a real action P(a > 0): what two-action views call "pushing right". */
    public abstract float probRight(float[] actor, int i);

    /** 1 − {@link #probRight} for a real action, π(left|s) for a categorical one. */
    public abstract float probLeft(float[] actor, int i);

    /** The name of {@link #probRight}'s series in charts and timelines. */
    public abstract String probRightName();

    /** The entropy of π(·|s) in nats, from an actor row's two numbers. */
    public abstract double entropy(double first, double second);

    /**
     * The entropy of a recorded step's π(·|s): from its probabilities, or from the Gaussian
     * details it recorded (null for a categorical step).
     */
    public abstract double entropy(float probLeft, float probRight, GaussianAction details);

    /** a ~ π(·|s) for row i, one draw (or one standard normal draw) of {@code random}. */
    public abstract float sample(float[] actor, int i, SplittableRandom random);

    /** The greedy action of row i: the most probable action (a tie goes left), or a = μ. */
    public abstract float greedy(float[] actor, int i);

    /** Steps {@code env} with action {@code a}. */
    public abstract StepResult step(Environment env, double a);

    /** Steps every environment with its action; auto-resets as {@link VectorEnv#step(int[])}. */
    public abstract void step(VectorEnv envs, float[] actions);

    /** The action as two-action views show it: 0 left, 1 right (for a real a, the force's direction). */
    public abstract int direction(float a);

    /**
     * What {@code view} makes of a step this distribution took: the push {@code action} taken with
     * probability {@code prob}, or the recorded {@code details} (null for a categorical step).
     */
    public abstract <T> T view(StepView<T> view, int action, float prob, GaussianAction details);

    /** What a frame records besides π(left), π(right): a Gaussian step's μ, σ, a; null for categorical. */
    public abstract GaussianAction details(float[] actor, int i, float a);

    /** μ(s) per row of {@code actor} (n rows), or null when the distribution has none. */
    public abstract float[] means(float[] actor, int n);

    /** σ(s) per row of {@code actor} (n rows), or null when the distribution has none. */
    public abstract float[] stds(float[] actor, int n);

    /**
     * The statistics over an update's batch that this distribution adds, by name (the
     * {@code metrics.jsonl} field and the {@code metrics.csv} column prefix), in order: a Gaussian
     * update's μ(s) and σ(s) summaries {@code mean}, {@code std}; none for a categorical one.
     */
    public abstract <S> Map<String, S> updateStatistics(S mean, S std);

    /** A recorded step's μ(s), which plots follow, or empty when the distribution has no μ. */
    public abstract OptionalDouble recordedMean(GaussianAction details);

    /** The CSV columns a recorded frame adds after the common ones, each led by a comma; "" for none. */
    public abstract String csvColumns();

    /** A recorded frame's values under {@link #csvColumns()}, each led by a comma. */
    public abstract String csvValues(GaussianAction details);

    /**
     * A recorded frame's policy fields for JSON, in order: name to a {@link Number} or a float[]
     * (π(left), π(right) and the discrete action; or μ, σ, a, force and log π).
     */
    public abstract Map<String, Object> frameJson(float probLeft, float probRight, int action, GaussianAction details);

    /** The action a recorded step took, as {@link #step(Environment, double)} takes it. */
    public abstract double recordedAction(int action, GaussianAction details);

    /** A recorded step's policy for a caption: "π(right) 0.73", or "μ +0.12 σ 0.50 a +0.31". */
    public abstract String caption(float probRight, GaussianAction details);

    /** How this distribution acts greedily ("argmax π", "a = μ(s)") or by sampling ("a ~ π"). */
    public abstract String acting(boolean greedy);

    /** The hyperparameters (JSON names) only this distribution uses, e.g. Gaussian's initial log σ. */
    public abstract List<String> ownSettings();

    /** Refuses actions this distribution cannot have taken (a batch of the other kind). */
    abstract void checkActions(float[] actions, int n);

    /**
     * The actor's loss term for one sample: writes log π(a|s) and H(π(·|s)) into {@code logPiAndH}
     * and the derivative of (−A·log π(a|s) − β·H)/n with respect to the raw actor outputs
     * {@code out[row ..]} into {@code dHeads[row ..]} (autograd carries it on through the network).
     */
    abstract void actorTerm(float[] out, int row, float a, double advantage, double beta, int n, float[] dHeads,
            double[] logPiAndH);

    /** Row i's numbers of {@code actor}, with the two per row the network writes. */
    static int at(int i) {
        return ActorCritic.ACTOR_OUTPUTS * i;
    }

    /** μ(s) and σ(s) copied out of a flat actor array (column {@code column} of n rows). */
    static float[] column(float[] actor, int n, int column) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = actor[at(i) + column];
        }
        return out;
    }
}
