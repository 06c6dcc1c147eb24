package org.a2clab.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.a2clab.env.Environment;
import org.a2clab.env.StepResult;
import org.a2clab.env.VectorEnv;

/**
 * Two actions, left and right, by a softmax of two logits: the actor row is π(left|s), π(right|s)
 * and a push is ∓10 N.
 */
public final class CategoricalDistribution extends ActionDistribution {
    static final CategoricalDistribution INSTANCE = new CategoricalDistribution();

    private CategoricalDistribution() {
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.CATEGORICAL;
    }

    @Override
    public int[] actorHeadUnits() {
        return new int[] {ActorCritic.ACTIONS};
    }

    @Override
    public List<String> actorHeadNames() {
        return List.of("actor_head");
    }

    @Override
    public List<String> onnxOutputs() {
        return List.of("probs");
    }

    @Override
    public float[][] outputs(float[] actor, int i) {
        return new float[][] {{probLeft(actor, i), probRight(actor, i)}};
    }

    @Override
    float[] initialHeadBias(int head, double initialLogStd) {
        return null;
    }

    @Override
    void actorRow(float[] heads, int row, float[] actor, int at) {
        // softmax of two logits in Java: cheaper than another native call for 2 actions
        double m = Math.max(heads[row], heads[row + 1]);
        double e0 = Math.exp(heads[row] - m);
        double e1 = Math.exp(heads[row + 1] - m);
        actor[at] = (float) (e0 / (e0 + e1));
        actor[at + 1] = (float) (e1 / (e0 + e1));
    }

    @Override
    public String outputNames() {
        return "π";
    }

    @Override
    public String describe(float[] actor, int i) {
        return "π = [" + probLeft(actor, i) + ", " + probRight(actor, i) + "]";
    }

    @Override
    public float probRight(float[] actor, int i) {
        return actor[at(i) + 1];
    }

    @Override
    public float probLeft(float[] actor, int i) {
        return actor[at(i)];
    }

    @Override
    public String probRightName() {
        return "π(right)";
    }

    /** Shannon's entropy of (π(left), π(right)); 0·log 0 = 0, and a NaN probability gives NaN. */
    @Override
    public double entropy(double probLeft, double probRight) {
        double h = 0;
        for (double p : new double[] {probLeft, probRight}) {
            if (p != 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    @Override
    public double entropy(float probLeft, float probRight, GaussianAction details) {
        return entropy(probLeft, probRight);
    }

    /** 1 (push right) with probability π(right|s). */
    @Override
    public float sample(float[] actor, int i, SplittableRandom random) {
        return random.nextDouble() < probRight(actor, i) ? 1 : 0;
    }

    @Override
    public float greedy(float[] actor, int i) {
        return probRight(actor, i) > probLeft(actor, i) ? 1 : 0;
    }

    @Override
    public StepResult step(Environment env, double a) {
        return env.step((int) a);
    }

    @Override
    public void step(VectorEnv envs, float[] actions) {
        int[] discrete = new int[envs.size()];
        for (int e = 0; e < discrete.length; e++) {
            discrete[e] = (int) actions[e];
        }
        envs.step(discrete);
    }

    @Override
    public int direction(float a) {
        return (int) a;
    }

    @Override
    public <T> T view(StepView<T> view, int action, float prob, GaussianAction details) {
        return view.categorical(action, prob);
    }

    @Override
    public GaussianAction details(float[] actor, int i, float a) {
        return null;
    }

    @Override
    public float[] means(float[] actor, int n) {
        return null;
    }

    @Override
    public float[] stds(float[] actor, int n) {
        return null;
    }

    @Override
    public <S> Map<String, S> updateStatistics(S mean, S std) {
        return Map.of();
    }

    @Override
    public OptionalDouble recordedMean(GaussianAction details) {
        return OptionalDouble.empty();
    }

    @Override
    public String csvColumns() {
        return "";
    }

    @Override
    public String csvValues(GaussianAction details) {
        return "";
    }

    @Override
    public Map<String, Object> frameJson(float probLeft, float probRight, int action, GaussianAction details) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("probs", new float[] {probLeft, probRight});
        fields.put("action", action);
        return fields;
    }

    @Override
    public double recordedAction(int action, GaussianAction details) {
        return action;
    }

    @Override
    public String caption(float probRight, GaussianAction details) {
        return String.format(Locale.ROOT, "π(right) %.2f", probRight);
    }

    @Override
    public String acting(boolean greedy) {
        return greedy ? "argmax π" : "a ~ π";
    }

    @Override
    public List<String> ownSettings() {
        return List.of();
    }

    @Override
    void checkActions(float[] actions, int n) {
        for (int i = 0; i < n; i++) {
            if (actions[i] != 0 && actions[i] != 1) {
                throw new IllegalArgumentException("a categorical network needs discrete actions (0 or 1) in its"
                        + " batch, got " + actions[i]);
            }
        }
    }

    /**
     * ∂/∂logit_k of −A·log π(a|s) − β·H, using ∂log π(a)/∂z_k = 1[k=a] − π_k and
     * ∂H/∂z_k = −π_k·(log π_k + H); the advantage is a constant (no gradient to the critic).
     */
    @Override
    void actorTerm(float[] out, int row, float a, double advantage, double beta, int n, float[] dHeads,
            double[] logPiAndH) {
        double[] logPi = new double[ActorCritic.ACTIONS];
        double[] pi = new double[ActorCritic.ACTIONS];
        double h = logSoftmax(out, row, logPi, pi);
        int taken = (int) a;
        logPiAndH[0] = logPi[taken];
        logPiAndH[1] = h;
        for (int k = 0; k < ActorCritic.ACTIONS; k++) {
            double indicator = k == taken ? 1 : 0;
            dHeads[row + k] = (float) ((-advantage * (indicator - pi[k]) + beta * pi[k] * (logPi[k] + h)) / n);
        }
    }

    /** log π and π of the logits in {@code out[row ..]}, stably (log-sum-exp); returns H(π). */
    private static double logSoftmax(float[] out, int row, double[] logPi, double[] pi) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logPi.length; k++) {
            max = Math.max(max, out[row + k]);
        }
        double sum = 0;
        for (int k = 0; k < logPi.length; k++) {
            sum += Math.exp(out[row + k] - max);
        }
        double logSumExp = max + Math.log(sum);
        double h = 0;
        for (int k = 0; k < logPi.length; k++) {
            logPi[k] = out[row + k] - logSumExp;
            pi[k] = Math.exp(logPi[k]);
            h -= pi[k] * logPi[k];
        }
        return h;
    }
}
