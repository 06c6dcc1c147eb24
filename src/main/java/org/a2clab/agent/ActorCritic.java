package org.a2clab.agent;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.a2clab.env.CartPole;

/**
 * The actor-critic network of the learner's notes: a shared body of two ReLU layers, then the
 * actor and a critic head with one value. The actor is, by {@link PolicyKind}, one head with a
 * logit per action (categorical) or two heads of one output each, μ(s) and log σ(s) (Gaussian). Parameters are initialised
 * like PyTorch's {@code nn.Linear} (uniform ±1/√fan_in) from a Java generator, so a seed gives the
 * same network on every machine. Owned by one thread; every call scopes its NDArrays.
 */
public final class ActorCritic implements AutoCloseable {
    public static final int OBSERVATION_SIZE = CartPole.OBSERVATION_SIZE;
    public static final int ACTIONS = CartPole.ACTIONS;
    /** Outputs per sample of the actor: two logits, or μ and log σ; the same count for both kinds. */
    public static final int ACTOR_OUTPUTS = ACTIONS;
    /** Outputs per sample of {@link #heads}: the actor's, then V(s). */
    public static final int HEAD_OUTPUTS = ACTOR_OUTPUTS + 1;
    /** Where V(s) sits in a row of {@link #heads}. */
    public static final int VALUE_OUTPUT = ACTOR_OUTPUTS;
    /** Where a Gaussian network's μ(s) sits in a row of {@link #heads}. */
    public static final int MEAN_OUTPUT = 0;
    /** Where a Gaussian network's log σ(s), before the clamp, sits in a row of {@link #heads}. */
    public static final int LOG_STD_OUTPUT = 1;

    private static final NDIndex ALL = new NDIndex(":");
    private final PolicyKind policy;
    private final ActionDistribution distribution;
    private final int hiddenSize;
    private final Model model;
    private final Linear hidden1;
    private final Linear hidden2;
    /** The actor's heads: {actor_head} or {actor_mu, actor_log_std}. */
    private final List<Linear> actorHeads;
    private final Linear criticHead;
    private final ParameterStore parameterStore;
    private NDArray fusedHeadWeight;
    /** Counts parameter changes, so host-side copies know when they are stale. */
    private long version;
    private NDArray fusedHeadBias;

    /** A categorical actor-critic (two logits). */
    public ActorCritic(int hiddenSize, long seed, Device device) {
        this(PolicyKind.CATEGORICAL, hiddenSize, seed, device, 0);
    }

    /**
     * An actor-critic of the given kind. {@code initialLogStd} is the bias {@code actor_log_std}
     * starts with, so a fresh Gaussian policy explores with σ ≈ exp(initialLogStd); a categorical
     * network has no such head and ignores it.
     */
    public ActorCritic(PolicyKind policy, int hiddenSize, long seed, Device device, double initialLogStd) {
        this.policy = policy;
        this.hiddenSize = hiddenSize;
        hidden1 = Linear.builder().setUnits(hiddenSize).build();
        hidden2 = Linear.builder().setUnits(hiddenSize).build();
        this.distribution = policy.distribution();
        actorHeads = new ArrayList<>();
        for (int units : distribution.actorHeadUnits()) {
            actorHeads.add(Linear.builder().setUnits(units).build());
        }
        criticHead = Linear.builder().setUnits(1).build();
        SequentialBlock body = new SequentialBlock()
                .add(hidden1).add(Activation.reluBlock())
                .add(hidden2).add(Activation.reluBlock());
        List<Block> headBlocks = new ArrayList<>(actorHeads);
        headBlocks.add(criticHead);
        ParallelBlock heads = new ParallelBlock(outs -> {
            NDList joined = new NDList();
            outs.forEach(o -> joined.add(o.singletonOrThrow()));
            return joined;
        }, headBlocks);
        SequentialBlock net = new SequentialBlock().add(body).add(heads);

        model = Model.newInstance("a2c-actor-critic", device);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, OBSERVATION_SIZE));
        withoutGradients(() -> {
            initialiseLikePyTorch(new SplittableRandom(seed));
            for (int i = 0; i < actorHeads.size(); i++) {
                float[] bias = distribution.initialHeadBias(i, initialLogStd);
                if (bias != null) {
                    write(actorHeads.get(i).getParameters().get("bias").getArray(), bias);
                }
            }
        });
        parameterStore = new ParameterStore(model.getNDManager(), false);
        parametersChanged();
    }

    /** Categorical (two logits) or Gaussian (μ and log σ). */
    public PolicyKind policy() {
        return policy;
    }

    /** The action distribution the actor's outputs parameterise. */
    public ActionDistribution distribution() {
        return distribution;
    }

    private void initialiseLikePyTorch(SplittableRandom random) {
        for (Linear layer : layers()) {
            Parameter w = layer.getParameters().get("weight");
            Parameter b = layer.getParameters().get("bias");
            long fanIn = w.getArray().getShape().get(1);
            double bound = 1.0 / Math.sqrt(fanIn);
            write(w.getArray(), uniform(random, (int) w.getArray().size(), bound));
            write(b.getArray(), uniform(random, (int) b.getArray().size(), bound));
        }
    }

    private static float[] uniform(SplittableRandom random, int n, double bound) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return out;
    }

    /**
     * Copies values into a parameter in place (same tensor, still requiring gradients), by an
     * index assignment from a temporary array. DJL's {@code NDArray.set(float[])} goes through
     * libtorch's deprecated AutoNonVariableTypeMode, which prints a warning on the user's
     * terminal. (Swapping in the temporary's tensor instead is not safe: on the CPU it may still
     * use the Java buffer it was created from.)
     */
    static void write(NDArray parameter, float[] values) {
        NDArray source = parameter.getManager().create(values, parameter.getShape());
        try {
            parameter.set(ALL, source);
        } finally {
            source.close();
        }
    }

    /** Writes every parameter ({@link #parameterArrays()} order) and rebuilds the inference head. */
    public void setParameters(float[][] values) {
        List<NDArray> arrays = parameterArrays();
        withoutGradients(() -> {
            for (int i = 0; i < arrays.size(); i++) {
                write(arrays.get(i), values[i]);
            }
        });
        parametersChanged();
    }

    /**
     * Runs {@code writes} with libtorch's grad mode off: an in-place write to a parameter that
     * requires gradients is refused while autograd records (on a thread that did not call
     * DjlRuntime.prepareTrainingThread, e.g. a test's).
     */
    private static void withoutGradients(Runnable writes) {
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            writes.run();
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /** A host copy of every parameter, in {@link #parameterArrays()} order. */
    public float[][] copyParameters() {
        List<NDArray> arrays = parameterArrays();
        float[][] out = new float[arrays.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = arrays.get(i).toFloatArray();
        }
        return out;
    }

    /**
     * The linear layers in PyTorch state_dict order: shared.0, shared.2, then actor_head (categorical)
     * or actor_mu, actor_log_std (Gaussian), then critic_head.
     */
    public List<Linear> layers() {
        List<Linear> out = new ArrayList<>(List.of(hidden1, hidden2));
        out.addAll(actorHeads);
        out.add(criticHead);
        return out;
    }

    /** Every trainable array, weights then bias per layer in {@link #layers()} order. */
    public List<NDArray> parameterArrays() {
        NDArray[] out = new NDArray[2 * layers().size()];
        int k = 0;
        for (Linear layer : layers()) {
            out[k++] = layer.getParameters().get("weight").getArray();
            out[k++] = layer.getParameters().get("bias").getArray();
        }
        return Arrays.asList(out);
    }

    /**
     * Forward pass with gradients available: [B,3] rows of (logit left, logit right, V(s)), or for
     * a Gaussian network (μ, log σ before the clamp, V(s)), attached to the input's manager. The actor's and critic's rows are stacked so both heads
     * are one matrix product; the stacking is part of the graph, so each head gets its gradient.
     * Calls the layers' operations directly (same maths as the Blocks' forward, which a test
     * checks) to skip per-call Block bookkeeping on the hot path.
     */
    public NDArray heads(NDArray observations) {
        NDArray weight = stackedHeads("weight");
        NDArray bias = stackedHeads("bias");
        // the stacked copies belong to this call, not to the model
        weight.attach(observations.getManager());
        bias.attach(observations.getManager());
        return Linear.linear(body(observations), weight, bias).head();
    }

    /**
     * Forward pass through the DJL Blocks (reference path, used by tests and for export checks):
     * categorical (logits [B,2], V [B]); Gaussian (μ [B], log σ before the clamp [B], V [B]).
     */
    public NDList forwardBlocks(NDArray observations) {
        NDList out = model.getBlock().forward(parameterStore, new NDList(observations), false);
        // a head of one unit gives a vector [B], a wider one keeps its rows [B, units]
        int[] units = distribution.actorHeadUnits();
        NDList result = new NDList();
        for (int i = 0; i < out.size(); i++) {
            result.add(i < units.length && units[i] > 1 ? out.get(i) : out.get(i).reshape(-1));
        }
        return result;
    }

    /** The heads' weights (or biases) stacked in row order: actor rows, then the critic's. */
    private NDArray stackedHeads(String name) {
        NDArray stacked = param(actorHeads.get(0), name);
        for (int i = 1; i < actorHeads.size(); i++) {
            stacked = stacked.concat(param(actorHeads.get(i), name), 0);
        }
        return stacked.concat(param(criticHead, name), 0);
    }

    private NDArray body(NDArray observations) {
        NDArray h = Linear.linear(observations, param(hidden1, "weight"), param(hidden1, "bias")).head();
        h = Activation.relu(h);
        h = Linear.linear(h, param(hidden2, "weight"), param(hidden2, "bias")).head();
        return Activation.relu(h);
    }

    private static NDArray param(Linear layer, String name) {
        return layer.getParameters().get(name).getArray();
    }

    /**
     * Must be called after parameters change: rebuilds the inference head that stacks the actor's
     * 2 rows and the critic's 1 row, so acting costs one matrix product for both heads.
     */
    public void parametersChanged() {
        version++;
        NDArray weight = stackedHeads("weight");
        NDArray bias = stackedHeads("bias");
        if (fusedHeadWeight != null) {
            fusedHeadWeight.close();
            fusedHeadBias.close();
        }
        fusedHeadWeight = weight;
        fusedHeadBias = bias;
    }

    /**
     * π(·|s) (or μ(s) and σ(s) for a Gaussian network) and V(s) for a batch of observations, in
     * one forward pass, without gradients.
     */
    public PolicyBatch evaluate(float[][] observations) {
        float[] flat = new float[observations.length * OBSERVATION_SIZE];
        for (int i = 0; i < observations.length; i++) {
            System.arraycopy(observations[i], 0, flat, i * OBSERVATION_SIZE, OBSERVATION_SIZE);
        }
        return evaluate(flat, observations.length);
    }

    /**
     * As {@link #evaluate(float[][])}, for acting with or reporting on a network that is not
     * training: outputs that are NaN or infinite (weights or an observation so large that float32
     * overflows) throw {@link NonFiniteOutputException} naming the observation, so no action is
     * chosen from them and no number is shown for them.
     */
    public PolicyBatch evaluateFinite(float[][] observations) {
        PolicyBatch batch = evaluate(observations);
        int bad = batch.firstNonFiniteRow();
        if (bad >= 0) {
            throw new NonFiniteOutputException(observations[bad], batch.describe(bad));
        }
        return batch;
    }

    /** As {@link #evaluate(float[][])} with observations packed row-major. */
    public PolicyBatch evaluate(float[] flatObservations, int batch) {
        float[] heads;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray obs = scope.create(flatObservations, new Shape(batch, OBSERVATION_SIZE));
            heads = Linear.linear(body(obs), fusedHeadWeight, fusedHeadBias).head().toFloatArray();
        }
        float[] actor = new float[batch * ACTOR_OUTPUTS];
        float[] values = new float[batch];
        for (int i = 0; i < batch; i++) {
            int row = HEAD_OUTPUTS * i;
            distribution.actorRow(heads, row, actor, ACTOR_OUTPUTS * i);
            values[i] = heads[row + VALUE_OUTPUT];
        }
        return new PolicyBatch(policy, actor, values);
    }

    /** Changes whenever the parameters do (see {@link #parametersChanged()}). */
    public long version() {
        return version;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    public Model model() {
        return model;
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public void close() {
        model.close();
    }
}
