package org.a2clab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.GaussianDistribution;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyKind;
import org.a2clab.export.onnx.OnnxGraph;
import org.a2clab.export.onnx.OnnxGraph.Dim;
import org.a2clab.io.AtomicFiles;

/**
 * The actor-critic as a self-contained ONNX model (opset 13, float32), to run without PyTorch:
 * input {@code obs} [batch, 4]; outputs {@code probs} [batch, 2] (softmax of the actor's logits:
 * π(left|s), π(right|s)) for a categorical policy, or {@code mean} [batch, 1] (μ(s)) and
 * {@code std} [batch, 1] (σ(s) = exp(clip(log σ, log_std_min, log_std_max))) for a Gaussian one;
 * and {@code value} [batch, 1] (V(s)). The weights are the float32 tensors of
 * {@code model.safetensors}, under the same state_dict names.
 */
public final class OnnxExport {
    public static final long OPSET = 13;
    /** IR version 7 came with opset 13 (ONNX 1.8); runtimes that know opset 13 read it. */
    static final long IR_VERSION = 7;
    public static final String INPUT = "obs";
    public static final String PROBS = PolicyKind.CATEGORICAL.distribution().onnxOutputs().get(0);
    public static final String MEAN = PolicyKind.GAUSSIAN.distribution().onnxOutputs().get(0);
    public static final String STD = PolicyKind.GAUSSIAN.distribution().onnxOutputs().get(1);
    public static final String VALUE = "value";
    /** The symbolic name of the dynamic first dimension. */
    public static final String BATCH = "batch";
    private static final String DOC = "A2C Lab actor-critic for CartPole-v1. obs = [x, x_dot, theta, theta_dot]; "
            + "probs = [pi(left|s), pi(right|s)]; value = V(s).";
    private static final String GAUSSIAN_DOC = "A2C Lab Gaussian actor-critic for continuous-force CartPole-v1. "
            + "obs = [x, x_dot, theta, theta_dot]; a ~ N(mean, std^2), force = 10 N * clip(a, -1, 1); value = V(s).";

    /** How each distribution's actor heads become graph outputs (and the model's doc and metadata). */
    private static final Map<PolicyKind, Heads> HEADS = Map.of(
            PolicyKind.CATEGORICAL, OnnxExport::categoricalHeads, PolicyKind.GAUSSIAN, OnnxExport::gaussianHeads);

    /** Writes a distribution's actor outputs from the hidden features {@code h}; returns the model's doc string. */
    private interface Heads {
        String write(OnnxGraph g, Map<String, F32Tensor> t, String h, Map<String, String> metadata);
    }

    private OnnxExport() {
    }

    /** The model file for a categorical network's state_dict tensors ({@link StateDict#of}) of hidden size {@code hidden}. */
    public static byte[] encode(Map<String, F32Tensor> stateDict, int hidden) {
        return encode(stateDict, PolicyKind.CATEGORICAL, hidden);
    }

    /** The model file for the state_dict tensors ({@link StateDict#of}) of a network of this kind. */
    public static byte[] encode(Map<String, F32Tensor> stateDict, PolicyKind policy, int hidden) {
        OnnxGraph g = new OnnxGraph("a2c_actor_critic");
        g.input(INPUT, Dim.named(BATCH), Dim.of(ActorCritic.OBSERVATION_SIZE));
        String h = body(g, stateDict);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("policy", policy.label());
        metadata.put("hidden_size", Integer.toString(hidden));
        String doc = HEADS.get(policy).write(g, stateDict, h, metadata);
        linear(g, stateDict, "critic_head", h, VALUE);
        g.output(VALUE, Dim.named(BATCH), Dim.of(1));
        metadata.put(VALUE, "critic head: V(s), the expected discounted return");
        return g.toModel(IR_VERSION, OPSET, "A2C Lab", Versions.appVersion(), doc, metadata);
    }

    /** shared = Sequential(Linear(4,H), ReLU, Linear(H,H), ReLU); returns the hidden features' name. */
    private static String body(OnnxGraph g, Map<String, F32Tensor> t) {
        String h = g.node("Relu", List.of(linear(g, t, "shared.0", INPUT, "shared.0")), "shared.1", Map.of());
        return g.node("Relu", List.of(linear(g, t, "shared.2", h, "shared.2")), "shared.3", Map.of());
    }

    /** A categorical policy's output: probs by Softmax of the actor head's logits. */
    private static String categoricalHeads(OnnxGraph g, Map<String, F32Tensor> t, String h,
            Map<String, String> metadata) {
        String logits = linear(g, t, "actor_head", h, "logits");
        g.node("Softmax", List.of(logits), PROBS, Map.of("axis", 1L));
        g.output(PROBS, Dim.named(BATCH), Dim.of(ActorCritic.ACTIONS));
        metadata.put(PROBS, "softmax of the actor head's logits: [pi(left|s), pi(right|s)]");
        return DOC;
    }

    /**
     * A Gaussian policy's outputs: {@code mean} by Gemm of actor_mu, {@code std} by Exp of the
     * Clip of actor_log_std to [log_std_min, log_std_max] (opset 13 takes the bounds as inputs),
     * with the bounds in the metadata.
     */
    private static String gaussianHeads(OnnxGraph g, Map<String, F32Tensor> t, String h,
            Map<String, String> metadata) {
        linear(g, t, "actor_mu", h, MEAN);
        g.output(MEAN, Dim.named(BATCH), Dim.of(GaussianDistribution.HEAD_UNITS));
        String rawLogStd = linear(g, t, "actor_log_std", h, "log_std_unclamped");
        String min = g.initializer("log_std_min", new long[0], new float[] {(float) GaussianPolicy.LOG_STD_MIN});
        String max = g.initializer("log_std_max", new long[0], new float[] {(float) GaussianPolicy.LOG_STD_MAX});
        String logStd = g.node("Clip", List.of(rawLogStd, min, max), "log_std", Map.of());
        g.node("Exp", List.of(logStd), STD, Map.of());
        g.output(STD, Dim.named(BATCH), Dim.of(GaussianDistribution.HEAD_UNITS));
        metadata.put("log_std_min", Double.toString(GaussianPolicy.LOG_STD_MIN));
        metadata.put("log_std_max", Double.toString(GaussianPolicy.LOG_STD_MAX));
        metadata.put(MEAN, "actor_mu: mu(s), the mean of the action a");
        metadata.put(STD, "exp(clip(actor_log_std, log_std_min, log_std_max)): sigma(s)");
        return GAUSSIAN_DOC;
    }

    /** PyTorch's Linear as Gemm(x, W, b, transB=1) = x·Wᵀ + b, W stored [out, in] as in the state_dict. */
    private static String linear(OnnxGraph g, Map<String, F32Tensor> t, String layer, String x, String output) {
        F32Tensor w = t.get(layer + ".weight");
        F32Tensor b = t.get(layer + ".bias");
        String weight = g.initializer(layer + ".weight", w.shape(), w.data());
        String bias = g.initializer(layer + ".bias", b.shape(), b.data());
        return g.node("Gemm", List.of(x, weight, bias), output, Map.of("transB", 1L));
    }

    /**
     * Writes {@code net} as ONNX to {@code file} (call on the thread that owns the network): to a
     * temporary sibling first, renamed into place, so a failure leaves no partial file behind.
     */
    public static void write(ActorCritic net, Path file) throws BundleException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BundleException("cannot write " + target + ": it is a directory, not a file");
        }
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BundleException("cannot write " + target + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new BundleException("cannot write " + target + ": directory " + parent + " is not writable");
        }
        byte[] model = encode(StateDict.of(net), net.policy(), net.hiddenSize());
        try {
            AtomicFiles.write(target, temp -> Files.write(temp, model));
        } catch (IOException e) {
            throw new BundleException("could not write " + target + ": " + ModelBundle.describe(e), e);
        }
    }
}
