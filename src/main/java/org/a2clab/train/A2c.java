package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.a2clab.agent.A2cUpdate;
import org.a2clab.agent.ActionDistribution;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.LossTerms;
import org.a2clab.agent.LossWeights;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.RolloutBatch;
import org.a2clab.env.VectorEnv;
import org.a2clab.rollout.AdvantageNormalization;
import org.a2clab.rollout.RolloutBuffer;

/**
 * Synchronous advantage actor-critic: every call of {@link #update()} lets all workers take
 * nSteps steps (one batched forward per step), computes n-step (or λ-) returns and advantages, and makes
 * one gradient step. Environments are never reset between rollouts. Not thread-safe: the thread
 * that creates it must make every call.
 */
public final class A2c implements AutoCloseable {

    private Hyperparameters hp;
    private final ActorCritic net;
    private final A2cUpdate optimizerStep;
    private final VectorEnv envs;
    private final RolloutBuffer buffer;
    private final SplittableRandom actionRandom;
    private final double[] recentReturns = new double[StopRule.WINDOW];
    private final List<EpisodeStats> finishedThisUpdate = new ArrayList<>();
    private final List<WorkerFrame> workerFrames = new ArrayList<>();
    private final String deviceName;
    private long envSteps;
    private long updates;
    private long episodes;
    private long trainingNanos;
    private double targetReturn = StopRule.SOLVED_RETURN;
    /** Env steps when the mean of the last 100 returns first reached the target; −1 before. */
    private long solvedEnvSteps = -1;
    /** The update after which the parameters {@link A2cUpdate#markGood()} holds were current. */
    private long goodUpdate = -1;
    /** A learning rate outside the schedule and the valid range, for tests; NaN when unset. */
    private double forcedLearningRate = Double.NaN;

    /** A fresh network of the hyperparameters' policy kind on the device they choose. */
    public A2c(Hyperparameters hp) {
        this(hp, new ActorCritic(hp.policy(), hp.hiddenSize(), hp.seed(), DjlRuntime.resolve(hp.device()),
                hp.initialLogStd()));
    }

    /** Continues training {@code net} (e.g. a loaded model); takes ownership of it. */
    public A2c(Hyperparameters hp, ActorCritic net) {
        this(hp, net, new VectorEnv(hp.numEnvs(), hp.seed()));
    }

    /** Trains {@code net} on {@code envs} (tests pass scripted environments). */
    A2c(Hyperparameters hp, ActorCritic net, VectorEnv envs) {
        if (envs.size() != hp.numEnvs()) {
            throw new IllegalArgumentException(envs.size() + " environments but hyperparameters say "
                    + hp.numEnvs());
        }
        if (net.hiddenSize() != hp.hiddenSize()) {
            throw new IllegalArgumentException("network has hidden size " + net.hiddenSize()
                    + " but hyperparameters say " + hp.hiddenSize());
        }
        if (net.policy() != hp.policy()) {
            throw new IllegalArgumentException("network has a " + net.policy().label()
                    + " policy but hyperparameters say " + hp.policy().label()
                    + "; a network keeps its policy kind: train a new one to change it");
        }
        this.hp = hp;
        this.net = net;
        this.deviceName = DjlRuntime.describe(net.device());
        this.optimizerStep = new A2cUpdate(net, hp.optimizer(), (float) hp.learningRate());
        this.envs = envs;
        this.buffer = new RolloutBuffer(hp.nSteps(), hp.numEnvs());
        this.actionRandom = Actions.samplingStream(hp.seed());
    }

    /** Swaps in new live-applicable values; throws if a field that needs a retrain changed. */
    public void setHyperparameters(Hyperparameters next) {
        hp.checkLiveChange(next);
        hp = next;
        forcedLearningRate = Double.NaN;
        optimizerStep.setLearningRate((float) next.lrSchedule().rate(next, envSteps, solvedEnvSteps >= 0));
    }

    /** The mean return of the last 100 episodes that counts as solved (drop-on-solve, {@link #solvedEnvSteps()}). */
    public void setTargetReturn(double targetReturn) {
        this.targetReturn = targetReturn;
    }

    /** Env steps when the mean of the last 100 returns first reached the target, or −1. */
    public long solvedEnvSteps() {
        return solvedEnvSteps;
    }

    /**
     * Collects one rollout and makes one update; returns its statistics. A step can be finite
     * and still leave parameters whose next forward pass overflows: then the parameters of the
     * last rollout whose every forward pass was finite are put back and this throws
     * {@link TrainingDivergedException}, so Resume (with a lower learning rate) goes on from them.
     */
    public UpdateStats update() {
        long start = System.nanoTime();
        finishedThisUpdate.clear();
        workerFrames.clear();
        try {
            collectRollout();
            PolicyBatch last = net.evaluate(envs.observations());
            if (!last.isFinite()) {
                throw diverged("π or V(s) is NaN or infinite");
            }
            buffer.computeReturnsAndAdvantages(last.values(), hp.gamma(), hp.gaeLambda());
            // every forward pass of this rollout was finite: these parameters are usable
            optimizerStep.markGood();
            goodUpdate = updates;

            // the buffer keeps the raw advantages (charts, snapshots); only the policy loss sees these
            float[] advantages = hp.normalizeAdvantage()
                    ? AdvantageNormalization.normalized(buffer.advantages()) : buffer.advantages();
            optimizerStep.setLearningRate((float) (Double.isNaN(forcedLearningRate)
                    ? hp.lrSchedule().rate(hp, envSteps, solvedEnvSteps >= 0) : forcedLearningRate));
            RolloutBatch batch = new RolloutBatch(buffer.observations(), buffer.actions(), buffer.returns(),
                    advantages, buffer.size());
            LossTerms loss = optimizerStep.step(batch,
                    // float-rounded, as the update has always taken them: a seed's run stays the same
                    new LossWeights((float) hp.valueCoef(), (float) hp.entropyCoef()), (float) hp.maxGradNorm());
            if (!loss.isFinite()) {
                throw diverged("loss " + loss.totalLoss() + ", gradient norm " + loss.gradNorm());
            }
            updates++;
            if (solvedEnvSteps < 0 && StopRule.solved(episodes, meanReturnLast100(), targetReturn)) {
                solvedEnvSteps = envSteps;
            }
            return statistics(loss);
        } finally {
            trainingNanos += System.nanoTime() - start;
        }
    }

    /** Puts the last good parameters back and describes the failed update. */
    private TrainingDivergedException diverged(String detail) {
        boolean restored = optimizerStep.restoreGood();
        return new TrainingDivergedException(updates + 1, detail, restored ? goodUpdate : -1);
    }

    /**
     * Sets the learning rate without the range {@link Hyperparameters} enforces, until the next
     * {@link #setHyperparameters}: for tests that make a run diverge for real (a step so large
     * that the next forward pass overflows).
     */
    void forceLearningRate(double learningRate) {
        forcedLearningRate = learningRate;
        optimizerStep.setLearningRate((float) learningRate);
    }

    private void collectRollout() {
        ActionDistribution distribution = net.distribution();
        int n = envs.size();
        float[] actions = new float[n];
        float[] pRight = new float[n];
        buffer.clear();
        while (!buffer.isFull()) {
            float[][] obs = envs.observations();
            // one batched forward for all workers
            PolicyBatch policy = net.evaluate(obs);
            if (!policy.isFinite()) {
                throw diverged(distribution.outputNames() + " or V(s) is NaN or infinite");
            }
            float[] actor = policy.actor();
            for (int e = 0; e < n; e++) {
                pRight[e] = policy.probRight(e);
                actions[e] = distribution.sample(actor, e, actionRandom);
            }
            buffer.addPolicyStep(obs, actions, actor, pRight, policy.values());
            double[] renderedState = envs.state(0);
            int renderedStep = envs.episodeStep(0);
            distribution.step(envs, actions);
            recordOutcomes();
            workerFrames.add(new WorkerFrame(renderedState, pRight[0], policy.values()[0],
                    distribution.direction(actions[0]), envs.reward(0), envs.terminated(0),
                    envs.truncated(0), renderedStep, distribution.details(actor, 0, actions[0])));
            buffer.advance();
        }
    }

    private void recordOutcomes() {
        int n = envs.size();
        List<float[]> truncatedObs = null;
        List<Integer> truncatedEnvs = null;
        for (int e = 0; e < n; e++) {
            buffer.addOutcome(e, envs.reward(e), envs.terminated(e), envs.truncated(e));
            if (envs.truncated(e) && !envs.terminated(e)) {
                if (truncatedObs == null) {
                    truncatedObs = new ArrayList<>();
                    truncatedEnvs = new ArrayList<>();
                }
                truncatedObs.add(envs.finalObservation(e));
                truncatedEnvs.add(e);
            }
            if (envs.done(e)) {
                episodeFinished(e);
            }
        }
        envSteps += n;
        if (truncatedObs != null) {
            // Time limit, not failure: bootstrap from V(final observation), never the reset one.
            PolicyBatch finals = net.evaluate(truncatedObs.toArray(new float[0][]));
            if (!finals.isFinite()) {
                throw diverged("V(final observation) is NaN or infinite");
            }
            float[] v = finals.values();
            for (int k = 0; k < v.length; k++) {
                buffer.setTruncationValue(truncatedEnvs.get(k), v[k]);
            }
        }
    }

    private void episodeFinished(int e) {
        double ret = envs.finishedReturn(e);
        recentReturns[(int) (episodes % StopRule.WINDOW)] = ret;
        episodes++;
        finishedThisUpdate.add(new EpisodeStats(episodes, e, ret, envs.finishedLength(e),
                envs.terminated(e), envs.truncated(e), envSteps + e + 1));
    }

    private UpdateStats statistics(LossTerms loss) {
        double seconds = trainingNanos / 1e9;
        return new UpdateStats(updates, envSteps, episodes, loss.policyLoss(), loss.valueLoss(),
                loss.entropy(), loss.totalLoss(), explainedVariance(buffer.values(), buffer.returns()),
                loss.gradNorm(), optimizerStep.learningRate(), Summary.of(buffer.probRight()),
                Summary.of(buffer.values()), Summary.of(buffer.returns()),
                Summary.of(buffer.advantages()), meanReturnLast100(),
                seconds > 0 ? envSteps / seconds : 0, seconds,
                summary(net.distribution().means(buffer.actor(), buffer.size())),
                summary(net.distribution().stds(buffer.actor(), buffer.size())));
    }

    /** The summary of a distribution's parameter series, or null when it has none. */
    private static Summary summary(float[] series) {
        return series == null ? null : Summary.of(series);
    }

    static double explainedVariance(float[] predicted, float[] target) {
        Summary t = Summary.of(target);
        if (t.std() == 0) {
            return Double.NaN;
        }
        float[] residual = new float[target.length];
        for (int i = 0; i < target.length; i++) {
            residual[i] = target[i] - predicted[i];
        }
        double residualStd = Summary.of(residual).std();
        return 1 - (residualStd * residualStd) / (t.std() * t.std());
    }

    /** Mean return of the last (up to) 100 finished episodes; NaN before the first one. */
    public double meanReturnLast100() {
        int count = (int) Math.min(episodes, StopRule.WINDOW);
        if (count == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += recentReturns[i];
        }
        return sum / count;
    }

    /** A copy of the last rollout's per-sample numbers and the rendered worker's frames. */
    public RolloutSnapshot snapshot() {
        ActionDistribution d = net.distribution();
        return new RolloutSnapshot(updates, buffer.nSteps(), buffer.nEnvs(),
                buffer.probRight().clone(), buffer.values().clone(), buffer.returns().clone(),
                buffer.advantages().clone(), List.copyOf(workerFrames),
                d.means(buffer.actor(), buffer.size()), d.stds(buffer.actor(), buffer.size()),
                d.kind());
    }

    /** The rendered worker's (worker 0's) frames of the last rollout. */
    public List<WorkerFrame> workerFrames() {
        return List.copyOf(workerFrames);
    }

    /** Episodes that finished during the last update. */
    public List<EpisodeStats> finishedEpisodes() {
        return List.copyOf(finishedThisUpdate);
    }

    public Hyperparameters hyperparameters() {
        return hp;
    }

    public ActorCritic network() {
        return net;
    }

    public String deviceName() {
        return deviceName;
    }

    public long envSteps() {
        return envSteps;
    }

    public long updates() {
        return updates;
    }

    public long episodes() {
        return episodes;
    }

    public double trainingSeconds() {
        return trainingNanos / 1e9;
    }

    @Override
    public void close() {
        net.close();
    }
}
