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
 * A real action a ~ N(μ(s), σ(s)²) from two heads, μ(s) and log σ(s) (clamped, see
 * {@link GaussianPolicy}); the actor row is μ(s), σ(s). The physics sees 10 N × clip(a, −1, 1),
 * log π the unclipped a.
 */
public final class GaussianDistribution extends ActionDistribution {
    static final GaussianDistribution INSTANCE = new GaussianDistribution();
    /** Where μ(s) sits in an actor row. */
    static final int MEAN = 0;
    /** Where σ(s) sits in an actor row. */
    static final int STD = 1;
    /** Units of each head, {@code actor_mu} and {@code actor_log_std}. */
    public static final int HEAD_UNITS = 1;

    private GaussianDistribution() {
    }

    @Override
    public PolicyKind kind() {
        return PolicyKind.GAUSSIAN;
    }

    @Override
    public int[] actorHeadUnits() {
        return new int[] {HEAD_UNITS, HEAD_UNITS};
    }

    @Override
    public List<String> actorHeadNames() {
        return List.of("actor_mu", "actor_log_std");
    }

    @Override
    public List<String> onnxOutputs() {
        return List.of("mean", "std");
    }

    @Override
    public float[][] outputs(float[] actor, int i) {
        return new float[][] {{mean(actor, i)}, {std(actor, i)}};
    }

    @Override
    float[] initialHeadBias(int head, double initialLogStd) {
        return head == ActorCritic.LOG_STD_OUTPUT ? new float[] {(float) initialLogStd} : null;
    }

    @Override
    void actorRow(float[] heads, int row, float[] actor, int at) {
        actor[at + MEAN] = heads[row + ActorCritic.MEAN_OUTPUT];
        actor[at + STD] = (float) Math.exp(GaussianPolicy.clampLogStd(heads[row + ActorCritic.LOG_STD_OUTPUT]));
    }

    @Override
    public String outputNames() {
        return "μ, σ";
    }

    /** "μ = m, log σ = l" (log σ after the clamp, which keeps NaN: there is no σ to show then). */
    @Override
    public String describe(float[] actor, int i) {
        return "μ = " + mean(actor, i) + ", log σ = " + (float) Math.log(std(actor, i));
    }

    /** P(a > 0) = Φ(μ/σ), so views that speak of "pushing right" mean the same for both kinds. */
    @Override
    public float probRight(float[] actor, int i) {
        return (float) GaussianPolicy.probPositive(mean(actor, i), std(actor, i));
    }

    @Override
    public float probLeft(float[] actor, int i) {
        return 1 - probRight(actor, i);
    }

    @Override
    public String probRightName() {
        return "P(a > 0)";
    }

    /** H = ½ log(2πe) + log σ of the row (μ, σ). */
    @Override
    public double entropy(double mean, double std) {
        return GaussianPolicy.entropy(Math.log(std));
    }

    @Override
    public double entropy(float probLeft, float probRight, GaussianAction details) {
        return entropy(details.mean(), details.std());
    }

    /**
     * a ~ N(μ, σ²) from one standard normal draw, rounded to float: the environment, the recorded
     * frame and the loss then all see the same a (kept unclipped; only the physics clips it).
     */
    @Override
    public float sample(float[] actor, int i, SplittableRandom random) {
        return (float) (mean(actor, i) + std(actor, i) * random.nextGaussian());
    }

    @Override
    public float greedy(float[] actor, int i) {
        return mean(actor, i);
    }

    @Override
    public StepResult step(Environment env, double a) {
        return env.stepContinuous(a);
    }

    @Override
    public void step(VectorEnv envs, float[] actions) {
        double[] real = new double[envs.size()];
        for (int e = 0; e < real.length; e++) {
            real[e] = actions[e];
        }
        envs.stepContinuous(real);
    }

    /** 1 when the applied force pushes right. */
    @Override
    public int direction(float a) {
        return org.a2clab.env.CartPole.force(a) > 0 ? 1 : 0;
    }

    @Override
    public <T> T view(StepView<T> view, int action, float prob, GaussianAction details) {
        return view.gaussian(details);
    }

    @Override
    public GaussianAction details(float[] actor, int i, float a) {
        return GaussianAction.of(mean(actor, i), std(actor, i), a);
    }

    @Override
    public float[] means(float[] actor, int n) {
        return column(actor, n, MEAN);
    }

    @Override
    public float[] stds(float[] actor, int n) {
        return column(actor, n, STD);
    }

    /** The names of a Gaussian update's μ(s) and σ(s) summaries (see {@link #updateStatistics}). */
    public static final String MEAN_STATISTIC = "action_mean";
    public static final String STD_STATISTIC = "action_std";

    @Override
    public <S> Map<String, S> updateStatistics(S mean, S std) {
        Map<String, S> statistics = new LinkedHashMap<>();
        statistics.put(MEAN_STATISTIC, mean);
        statistics.put(STD_STATISTIC, std);
        return statistics;
    }

    @Override
    public OptionalDouble recordedMean(GaussianAction g) {
        return OptionalDouble.of(g.mean());
    }

    @Override
    public String csvColumns() {
        return ",mean,std,gaussian_action,force,log_prob";
    }

    @Override
    public String csvValues(GaussianAction g) {
        return "," + g.mean() + "," + g.std() + "," + g.action() + "," + g.force() + "," + g.logProb();
    }

    @Override
    public Map<String, Object> frameJson(float probLeft, float probRight, int action, GaussianAction g) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mean", g.mean());
        fields.put("std", g.std());
        fields.put("action", g.action());
        fields.put("force", g.force());
        fields.put("log_prob", g.logProb());
        return fields;
    }

    /** The a the frame recorded (a double: a frame may hold any real a). */
    @Override
    public double recordedAction(int action, GaussianAction g) {
        return g.action();
    }

    @Override
    public String caption(float probRight, GaussianAction g) {
        return String.format(Locale.ROOT, "μ %+.2f σ %.2f a %+.2f", g.mean(), g.std(), g.action());
    }

    @Override
    public String acting(boolean greedy) {
        return greedy ? "a = μ(s)" : "a ~ N(μ, σ²)";
    }

    @Override
    public List<String> ownSettings() {
        return List.of("init_log_std");
    }

    @Override
    void checkActions(float[] actions, int n) {
        // every real a is an action this distribution can take
    }

    /**
     * log π = −log σ − ½ log 2π − (a − μ)²/(2σ²) at the unclipped a; ∂log π/∂μ = (a − μ)/σ² = z/σ,
     * ∂log π/∂log σ = z² − 1, ∂H/∂log σ = 1; through the clamp only inside [LOG_STD_MIN, LOG_STD_MAX].
     */
    @Override
    void actorTerm(float[] out, int row, float a, double advantage, double beta, int n, float[] dHeads,
            double[] logPiAndH) {
        double mu = out[row + ActorCritic.MEAN_OUTPUT];
        double rawLogStd = out[row + ActorCritic.LOG_STD_OUTPUT];
        double logStd = GaussianPolicy.clampLogStd(rawLogStd);
        double sigma = Math.exp(logStd);
        double z = (a - mu) / sigma;
        logPiAndH[0] = GaussianPolicy.logProb(a, mu, logStd);
        logPiAndH[1] = GaussianPolicy.entropy(logStd);
        dHeads[row + ActorCritic.MEAN_OUTPUT] = (float) (-advantage * z / sigma / n);
        dHeads[row + ActorCritic.LOG_STD_OUTPUT] = GaussianPolicy.clampPassesGradient(rawLogStd)
                ? (float) ((-advantage * (z * z - 1) - beta) / n) : 0f;
    }

    private static float mean(float[] actor, int i) {
        return actor[at(i) + MEAN];
    }

    private static float std(float[] actor, int i) {
        return actor[at(i) + STD];
    }
}
