package org.a2clab.export;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.ActionDistribution;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyKind;

/**
 * The network's parameters under the names and shapes of PyTorch's {@code state_dict} for the
 * learner's module ({@code shared = Sequential(Linear(4,H), ReLU, Linear(H,H), ReLU)}, then
 * {@code actor_head = Linear(H,2)} for a categorical policy or {@code actor_mu = Linear(H,1)} and
 * {@code actor_log_std = Linear(H,1)} for a Gaussian one, and {@code critic_head = Linear(H,1)}).
 * DJL's Linear weight is [out, in] in row-major order, exactly as PyTorch's, so values copy over
 * unchanged.
 */
public final class StateDict {
    /** A categorical network's tensors, in {@link ActorCritic#parameterArrays()} order: weight then bias of each layer. */
    public static final List<String> NAMES = names(PolicyKind.CATEGORICAL);

    private StateDict() {
    }

    /** The tensor names of a network of this policy kind, in parameter order: the body, its distribution's heads, the critic. */
    public static List<String> names(PolicyKind policy) {
        return List.copyOf(expectedShapes(policy, 1).keySet());
    }

    /** The shape each tensor of a categorical network with {@code hidden} units per hidden layer must have. */
    public static Map<String, long[]> expectedShapes(int hidden) {
        return expectedShapes(PolicyKind.CATEGORICAL, hidden);
    }

    /** The shape each tensor must have for a network of this kind with {@code hidden} units per hidden layer. */
    public static Map<String, long[]> expectedShapes(PolicyKind policy, int hidden) {
        long h = hidden;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("shared.0.weight", new long[] {h, ActorCritic.OBSERVATION_SIZE});
        shapes.put("shared.0.bias", new long[] {h});
        shapes.put("shared.2.weight", new long[] {h, h});
        shapes.put("shared.2.bias", new long[] {h});
        ActionDistribution d = policy.distribution();
        List<String> heads = d.actorHeadNames();
        int[] units = d.actorHeadUnits();
        for (int i = 0; i < units.length; i++) {
            shapes.put(heads.get(i) + ".weight", new long[] {units[i], h});
            shapes.put(heads.get(i) + ".bias", new long[] {units[i]});
        }
        shapes.put("critic_head.weight", new long[] {1, h});
        shapes.put("critic_head.bias", new long[] {1});
        return shapes;
    }

    /** Copies the network's parameters out (call on the thread that owns the network). */
    public static Map<String, F32Tensor> of(ActorCritic net) {
        List<NDArray> arrays = net.parameterArrays();
        List<String> names = names(net.policy());
        Map<String, F32Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            NDArray a = arrays.get(i);
            out.put(names.get(i), new F32Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return out;
    }

    /**
     * Checks that {@code tensors} are exactly this architecture's, no tensor missing or extra and
     * every shape as {@link #expectedShapes(int)} says, every value finite (a NaN weight would make
     * every probability NaN, silently).
     */
    public static void check(String source, Map<String, F32Tensor> tensors, int hidden) throws BundleException {
        check(source, tensors, PolicyKind.CATEGORICAL, hidden);
    }

    /**
     * As above for a network of {@code policy}'s kind; tensors of the other kind are refused with
     * a message that says which kind they are.
     */
    public static void check(String source, Map<String, F32Tensor> tensors, PolicyKind policy, int hidden)
            throws BundleException {
        for (PolicyKind other : PolicyKind.values()) {
            List<String> theirs = names(other);
            if (!theirs.equals(names(policy)) && tensors.keySet().equals(new java.util.HashSet<>(theirs))) {
                throw new BundleException(source + " holds a " + other.label() + " policy's tensors ("
                        + names(other).get(4).replace(".weight", "") + ") but the manifest says "
                        + policy.label() + ": the files do not belong together");
            }
        }
        Map<String, long[]> expected = expectedShapes(policy, hidden);
        for (String name : expected.keySet()) {
            if (!tensors.containsKey(name)) {
                throw new BundleException(source + " is missing tensor '" + name + "'");
            }
        }
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) {
                throw new BundleException(source + " has unexpected tensor '" + name
                        + "' (expected exactly " + names(policy) + ")");
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

    /** Writes checked tensors into {@code net}, whose kind and hidden size must match. */
    public static void copyInto(Map<String, F32Tensor> tensors, ActorCritic net) {
        List<String> names = names(net.policy());
        float[][] values = new float[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            values[i] = tensors.get(names.get(i)).data();
        }
        net.setParameters(values);
    }
}
