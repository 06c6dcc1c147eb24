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
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.a2clab.env.CartPole;

/**
 * The actor-critic network of the learner's notes: a shared body of two ReLU layers, an actor
 * head with one logit per action and a critic head with one value. Parameters are initialised
 * like PyTorch's {@code nn.Linear} (uniform ±1/√fan_in) from a Java generator, so a seed gives the
 * same network on every machine. Owned by one thread; every call scopes its NDArrays.
 */
public final class ActorCritic implements AutoCloseable {
    public static final int OBSERVATION_SIZE = CartPole.OBSERVATION_SIZE;
    public static final int ACTIONS = CartPole.ACTIONS;
    /** Outputs per sample of {@link #heads}: the action logits, then V(s). */
    public static final int HEAD_OUTPUTS = ACTIONS + 1;
    /** Where V(s) sits in a row of {@link #heads}. */
    public static final int VALUE_OUTPUT = ACTIONS;

    private static final NDIndex ALL = new NDIndex(":");
    private final int hiddenSize;
    private final Model model;
    private final Linear hidden1;
    private final Linear hidden2;
    private final Linear actorHead;
    private final Linear criticHead;
    private final ParameterStore parameterStore;
    private NDArray fusedHeadWeight;
    /** Counts parameter changes, so host-side copies know when they are stale. */
    private long version;
    private NDArray fusedHeadBias;

    public ActorCritic(int hiddenSize, long seed, Device device) {
        this.hiddenSize = hiddenSize;
        hidden1 = Linear.builder().setUnits(hiddenSize).build();
        hidden2 = Linear.builder().setUnits(hiddenSize).build();
        actorHead = Linear.builder().setUnits(ACTIONS).build();
        criticHead = Linear.builder().setUnits(1).build();
        SequentialBlock body = new SequentialBlock()
                .add(hidden1).add(Activation.reluBlock())
                .add(hidden2).add(Activation.reluBlock());
        ParallelBlock heads = new ParallelBlock(
                outs -> new NDList(outs.get(0).singletonOrThrow(), outs.get(1).singletonOrThrow()),
                List.of(actorHead, criticHead));
        SequentialBlock net = new SequentialBlock().add(body).add(heads);

        model = Model.newInstance("a2c-actor-critic", device);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, OBSERVATION_SIZE));
        withoutGradients(() -> initialiseLikePyTorch(new SplittableRandom(seed)));
        parameterStore = new ParameterStore(model.getNDManager(), false);
        parametersChanged();
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

    /** The four linear layers in PyTorch state_dict order: shared.0, shared.2, actor, critic. */
    public List<Linear> layers() {
        return Arrays.asList(hidden1, hidden2, actorHead, criticHead);
    }

    /** Every trainable array, weights then bias per layer in {@link #layers()} order. */
    public List<NDArray> parameterArrays() {
        NDArray[] out = new NDArray[8];
        int k = 0;
        for (Linear layer : layers()) {
            out[k++] = layer.getParameters().get("weight").getArray();
            out[k++] = layer.getParameters().get("bias").getArray();
        }
        return Arrays.asList(out);
    }

    /**
     * Forward pass with gradients available: [B,3] rows of (logit left, logit right, V(s)),
     * attached to the input's manager. The actor's and critic's rows are stacked so both heads
     * are one matrix product; the stacking is part of the graph, so each head gets its gradient.
     * Calls the layers' operations directly (same maths as the Blocks' forward, which a test
     * checks) to skip per-call Block bookkeeping on the hot path.
     */
    public NDArray heads(NDArray observations) {
        NDArray weight = param(actorHead, "weight").concat(param(criticHead, "weight"), 0);
        NDArray bias = param(actorHead, "bias").concat(param(criticHead, "bias"), 0);
        // the stacked copies belong to this call, not to the model
        weight.attach(observations.getManager());
        bias.attach(observations.getManager());
        return Linear.linear(body(observations), weight, bias).head();
    }

    /** Forward pass through the DJL Blocks (reference path, used by tests and for export checks). */
    public NDList forwardBlocks(NDArray observations) {
        NDList out = model.getBlock().forward(parameterStore, new NDList(observations), false);
        return new NDList(out.get(0), out.get(1).reshape(-1));
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
        NDArray weight = param(actorHead, "weight").concat(param(criticHead, "weight"), 0);
        NDArray bias = param(actorHead, "bias").concat(param(criticHead, "bias"), 0);
        if (fusedHeadWeight != null) {
            fusedHeadWeight.close();
            fusedHeadBias.close();
        }
        fusedHeadWeight = weight;
        fusedHeadBias = bias;
    }

    /** π(·|s) and V(s) for a batch of observations, in one forward pass, without gradients. */
    public PolicyBatch evaluate(float[][] observations) {
        float[] flat = new float[observations.length * OBSERVATION_SIZE];
        for (int i = 0; i < observations.length; i++) {
            System.arraycopy(observations[i], 0, flat, i * OBSERVATION_SIZE, OBSERVATION_SIZE);
        }
        return evaluate(flat, observations.length);
    }

    /** As {@link #evaluate(float[][])} with observations packed row-major. */
    public PolicyBatch evaluate(float[] flatObservations, int batch) {
        float[] heads;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDArray obs = scope.create(flatObservations, new Shape(batch, OBSERVATION_SIZE));
            heads = Linear.linear(body(obs), fusedHeadWeight, fusedHeadBias).head().toFloatArray();
        }
        float[] probs = new float[batch * ACTIONS];
        float[] values = new float[batch];
        for (int i = 0; i < batch; i++) {
            softmax2(heads[HEAD_OUTPUTS * i], heads[HEAD_OUTPUTS * i + 1], probs, ACTIONS * i);
            values[i] = heads[HEAD_OUTPUTS * i + VALUE_OUTPUT];
        }
        return new PolicyBatch(probs, values);
    }

    /** Softmax of two logits in Java: cheaper than another native call for 2 actions. */
    private static void softmax2(float left, float right, float[] out, int at) {
        double m = Math.max(left, right);
        double e0 = Math.exp(left - m);
        double e1 = Math.exp(right - m);
        out[at] = (float) (e0 / (e0 + e1));
        out[at + 1] = (float) (e1 / (e0 + e1));
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
