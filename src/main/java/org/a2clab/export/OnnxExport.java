package org.a2clab.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.export.onnx.OnnxGraph;
import org.a2clab.export.onnx.OnnxGraph.Dim;
import org.a2clab.io.AtomicFiles;

/**
 * The actor-critic as a self-contained ONNX model (opset 13, float32), to run without PyTorch:
 * input {@code obs} [batch, 4], outputs {@code probs} [batch, 2] (softmax of the actor's logits:
 * π(left|s), π(right|s)) and {@code value} [batch, 1] (V(s)). The weights are the float32
 * tensors of {@code model.safetensors}, under the same state_dict names.
 */
public final class OnnxExport {
    public static final long OPSET = 13;
    /** IR version 7 came with opset 13 (ONNX 1.8); runtimes that know opset 13 read it. */
    static final long IR_VERSION = 7;
    public static final String INPUT = "obs";
    public static final String PROBS = "probs";
    public static final String VALUE = "value";
    /** The symbolic name of the dynamic first dimension. */
    public static final String BATCH = "batch";
    private static final String DOC = "A2C Lab actor-critic for CartPole-v1. obs = [x, x_dot, theta, theta_dot]; "
            + "probs = [pi(left|s), pi(right|s)]; value = V(s).";

    private OnnxExport() {
    }

    /** The model file for a network's state_dict tensors ({@link StateDict#of}) of hidden size {@code hidden}. */
    public static byte[] encode(Map<String, F32Tensor> stateDict, int hidden) {
        OnnxGraph g = new OnnxGraph("a2c_actor_critic");
        g.input(INPUT, Dim.named(BATCH), Dim.of(ActorCritic.OBSERVATION_SIZE));
        String h = body(g, stateDict);
        categoricalHeads(g, stateDict, h);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("policy", "categorical");
        metadata.put("hidden_size", Integer.toString(hidden));
        metadata.put(PROBS, "softmax of the actor head's logits: [pi(left|s), pi(right|s)]");
        metadata.put(VALUE, "critic head: V(s), the expected discounted return");
        return g.toModel(IR_VERSION, OPSET, "A2C Lab", Versions.appVersion(), DOC, metadata);
    }

    /** shared = Sequential(Linear(4,H), ReLU, Linear(H,H), ReLU); returns the hidden features' name. */
    private static String body(OnnxGraph g, Map<String, F32Tensor> t) {
        String h = g.node("Relu", List.of(linear(g, t, "shared.0", INPUT, "shared.0")), "shared.1", Map.of());
        return g.node("Relu", List.of(linear(g, t, "shared.2", h, "shared.2")), "shared.3", Map.of());
    }

    /**
     * A categorical policy's outputs. A Gaussian policy would add its own heads here instead
     * ({@code mean} by Gemm, {@code std} by Exp of a Clip of log σ) with the same graph calls.
     */
    private static void categoricalHeads(OnnxGraph g, Map<String, F32Tensor> t, String h) {
        String logits = linear(g, t, "actor_head", h, "logits");
        g.node("Softmax", List.of(logits), PROBS, Map.of("axis", 1L));
        g.output(PROBS, Dim.named(BATCH), Dim.of(ActorCritic.ACTIONS));
        linear(g, t, "critic_head", h, VALUE);
        g.output(VALUE, Dim.named(BATCH), Dim.of(1));
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
        byte[] model = encode(StateDict.of(net), net.hiddenSize());
        try {
            AtomicFiles.write(target, temp -> Files.write(temp, model));
        } catch (IOException e) {
            throw new BundleException("could not write " + target + ": " + ModelBundle.describe(e), e);
        }
    }
}
