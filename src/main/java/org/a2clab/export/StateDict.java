package org.a2clab.export;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.ActorCritic;

/**
 * The network's parameters under the names and shapes of PyTorch's {@code state_dict} for the
 * learner's module ({@code shared = Sequential(Linear(4,H), ReLU, Linear(H,H), ReLU)},
 * {@code actor_head = Linear(H,2)}, {@code critic_head = Linear(H,1)}). DJL's Linear weight is
 * [out, in] in row-major order, exactly as PyTorch's, so values copy over unchanged.
 */
public final class StateDict {
    /** In {@link ActorCritic#parameterArrays()} order: weight then bias of each layer. */
    public static final List<String> NAMES = List.of(
            "shared.0.weight", "shared.0.bias", "shared.2.weight", "shared.2.bias",
            "actor_head.weight", "actor_head.bias", "critic_head.weight", "critic_head.bias");

    private StateDict() {
    }

    /** The shape each tensor must have for a network with {@code hidden} units per hidden layer. */
    public static Map<String, long[]> expectedShapes(int hidden) {
        long h = hidden;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put(NAMES.get(0), new long[] {h, ActorCritic.OBSERVATION_SIZE});
        shapes.put(NAMES.get(1), new long[] {h});
        shapes.put(NAMES.get(2), new long[] {h, h});
        shapes.put(NAMES.get(3), new long[] {h});
        shapes.put(NAMES.get(4), new long[] {ActorCritic.ACTIONS, h});
        shapes.put(NAMES.get(5), new long[] {ActorCritic.ACTIONS});
        shapes.put(NAMES.get(6), new long[] {1, h});
        shapes.put(NAMES.get(7), new long[] {1});
        return shapes;
    }

    /** Copies the network's parameters out (call on the thread that owns the network). */
    public static Map<String, F32Tensor> of(ActorCritic net) {
        List<NDArray> arrays = net.parameterArrays();
        Map<String, F32Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            NDArray a = arrays.get(i);
            out.put(NAMES.get(i), new F32Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }

    /**
     * Checks that {@code tensors} are exactly this architecture's, no tensor missing or extra and
     * every shape as {@link #expectedShapes(int)} says, every value finite (a NaN weight would make
     * every probability NaN, silently).
     */
    public static void check(String source, Map<String, F32Tensor> tensors, int hidden) throws BundleException {
        Map<String, long[]> expected = expectedShapes(hidden);
        for (String name : expected.keySet()) {
            if (!tensors.containsKey(name)) {
                throw new BundleException(source + " is missing tensor '" + name + "'");
            }
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) {
                throw new BundleException(source + " has unexpected tensor '" + name
                        + "' (expected exactly " + NAMES + ")");
            }
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            long[] actual = tensors.get(e.getKey()).shape();
            if (!Arrays.equals(actual, e.getValue())) {
                throw new BundleException(source + ": tensor '" + e.getKey() + "' has shape "
                        + Arrays.toString(actual) + " but the manifest's hidden size " + hidden
                        + " needs " + Arrays.toString(e.getValue()));
            }
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            float[] values = tensors.get(e.getKey()).data();
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new BundleException(source + ": tensor '" + e.getKey() + "' holds " + values[i]
                            + " at index " + i + "; a usable network has only finite weights");
                }
            }
        }
    }

    /** Writes checked tensors into {@code net}, whose hidden size must match. */
    public static void copyInto(Map<String, F32Tensor> tensors, ActorCritic net) {
        float[][] values = new float[NAMES.size()][];
        for (int i = 0; i < NAMES.size(); i++) {
            values[i] = tensors.get(NAMES.get(i)).data();
        }
        net.setParameters(values);
    }
}
