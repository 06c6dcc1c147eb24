package org.a2clab.ui.charts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.agent.GaussianDistribution;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.training.LiveChange;
import org.a2clab.ui.training.TrainingObserver;

/**
 * Every plotted series of the current run, in bounded memory, indexed by env steps. Fed on the FX
 * thread once per pulse; {@link #version()} tells the plots whether anything changed.
 */
public final class MetricsHistory implements TrainingObserver {
    private static final int HISTOGRAM_ROLLOUTS = 8;

    public final SeriesBuffer episodeReturn = new SeriesBuffer();
    public final SeriesBuffer meanReturn100 = new SeriesBuffer();
    public final SeriesBuffer workerProbRight = new SeriesBuffer();
    public final SeriesBuffer workerProbLeft = new SeriesBuffer();
    public final SeriesBuffer batchProbRight = new SeriesBuffer();
    public final SeriesBuffer batchProbLeft = new SeriesBuffer();
    public final SeriesBuffer valueMean = new SeriesBuffer();
    public final SeriesBuffer returnMean = new SeriesBuffer();
    public final SeriesBuffer returnLow = new SeriesBuffer();
    public final SeriesBuffer returnHigh = new SeriesBuffer();
    public final SeriesBuffer advantageMean = new SeriesBuffer();
    public final SeriesBuffer advantageLow = new SeriesBuffer();
    public final SeriesBuffer advantageHigh = new SeriesBuffer();
    public final SeriesBuffer policyLoss = new SeriesBuffer();
    public final SeriesBuffer valueLoss = new SeriesBuffer();
    public final SeriesBuffer entropyLoss = new SeriesBuffer();
    public final SeriesBuffer entropy = new SeriesBuffer();
    public final SeriesBuffer explainedVariance = new SeriesBuffer();
    public final SeriesBuffer gradNorm = new SeriesBuffer();
    /** Greedy mean return of each periodic evaluation, and the best one so far (one point). */
    public final SeriesBuffer evaluations = new SeriesBuffer();
    public final SeriesBuffer bestEvaluation = new SeriesBuffer(2, 2);
    /** The α the optimizer used in each update, after the learning-rate schedule. */
    public final SeriesBuffer learningRate = new SeriesBuffer();

    private final List<SeriesBuffer> all = List.of(episodeReturn, meanReturn100, workerProbRight,
            workerProbLeft, batchProbRight, batchProbLeft, valueMean, returnMean, returnLow, returnHigh,
            advantageMean, advantageLow, advantageHigh, policyLoss, valueLoss, entropyLoss, entropy,
            explainedVariance, gradNorm, learningRate, evaluations, bestEvaluation);
    /** A Gaussian run's μ(s) and σ(s) over each update's batch: mean and ±1 sd; μ of the rendered worker. */
    public final SeriesBuffer muMean = new SeriesBuffer();
    public final SeriesBuffer muLow = new SeriesBuffer();
    public final SeriesBuffer muHigh = new SeriesBuffer();
    public final SeriesBuffer sigmaMean = new SeriesBuffer();
    public final SeriesBuffer sigmaLow = new SeriesBuffer();
    public final SeriesBuffer sigmaHigh = new SeriesBuffer();
    public final SeriesBuffer workerMu = new SeriesBuffer();
    private final List<SeriesBuffer> gaussianSeries = List.of(muMean, muLow, muHigh, sigmaMean, sigmaLow, sigmaHigh,
            workerMu);
    /** The band (mean, low, high) each statistic an update's distribution adds is plotted in. */
    private final Map<String, List<SeriesBuffer>> actorBands = Map.of(
            GaussianDistribution.MEAN_STATISTIC, List.of(muMean, muLow, muHigh),
            GaussianDistribution.STD_STATISTIC, List.of(sigmaMean, sigmaLow, sigmaHigh));
    private PolicyKind policy = PolicyKind.CATEGORICAL;
    private final Deque<float[]> recentAdvantages = new ArrayDeque<>();
    /** Live setting changes, marked on the plots; bounded, as a slider drag makes many. */
    private final List<LiveChange> liveChanges = new ArrayList<>();
    private static final int MAX_LIVE_CHANGES = 50;
    private long version;
    private double latestSteps;
    private double framesFromSteps;

    @Override
    public void reset() {
        all.forEach(SeriesBuffer::clear);
        gaussianSeries.forEach(SeriesBuffer::clear);
        policy = PolicyKind.CATEGORICAL;
        recentAdvantages.clear();
        liveChanges.clear();
        latestSteps = 0;
        framesFromSteps = 0;
        version++;
    }

    @Override
    public void onUpdates(List<UpdateStats> updates) {
        framesFromSteps = latestSteps;
        for (UpdateStats u : updates) {
            double x = u.envSteps();
            meanReturn100.add(x, u.meanReturnLast100());
            batchProbRight.add(x, u.probRight().mean());
            batchProbLeft.add(x, 1 - u.probRight().mean());
            valueMean.add(x, u.value().mean());
            returnMean.add(x, u.nStepReturn().mean());
            returnLow.add(x, u.nStepReturn().mean() - u.nStepReturn().std());
            returnHigh.add(x, u.nStepReturn().mean() + u.nStepReturn().std());
            advantageMean.add(x, u.advantage().mean());
            advantageLow.add(x, u.advantage().mean() - u.advantage().std());
            advantageHigh.add(x, u.advantage().mean() + u.advantage().std());
            policyLoss.add(x, u.policyLoss());
            valueLoss.add(x, u.valueLoss());
            // As Stable-Baselines3 logs it: the unweighted entropy term, −H.
            entropyLoss.add(x, -u.entropy());
            entropy.add(x, u.entropy());
            explainedVariance.add(x, u.explainedVariance());
            gradNorm.add(x, u.gradNorm());
            learningRate.add(x, u.learningRate());
            policy = u.policy();
            u.actorStatistics().forEach((name, m) -> addBand(actorBands.get(name), x, m));
            latestSteps = x;
        }
        version++;
    }

    /** Mean and ±1 sd of {@code m} into {@code band}'s mean, low and high series. */
    private static void addBand(List<SeriesBuffer> band, double x, Summary m) {
        band.get(0).add(x, m.mean());
        band.get(1).add(x, m.mean() - m.std());
        band.get(2).add(x, m.mean() + m.std());
    }

    /** The policy of the latest update: which plots show the actor. Categorical until a Gaussian update. */
    public PolicyKind policy() {
        return policy;
    }

    /** A periodic greedy evaluation: a dot on the return plot; the best so far gets a ring. */
    @Override
    public void onEvaluation(EvaluationReport report) {
        evaluations.add(report.point().envSteps(), report.point().meanReturn());
        bestEvaluation.clear();
        bestEvaluation.add(report.best().envSteps(), report.best().meanReturn());
        version++;
    }

    @Override
    public void onEpisodes(List<EpisodeStats> episodes) {
        for (EpisodeStats e : episodes) {
            episodeReturn.add(e.envSteps(), e.episodeReturn());
        }
        version++;
    }

    /** The rendered worker's frames, spread evenly over the env steps of this pulse's updates. */
    @Override
    public void onFrames(List<WorkerFrame> frames) {
        double span = latestSteps - framesFromSteps;
        for (int i = 0; i < frames.size(); i++) {
            double x = framesFromSteps + span * (i + 1) / frames.size();
            double p = frames.get(i).probRight();
            workerProbRight.add(x, p);
            workerProbLeft.add(x, 1 - p);
            WorkerFrame f = frames.get(i);
            f.policy().distribution().recordedMean(f.gaussian()).ifPresent(mu -> workerMu.add(x, mu));
        }
        version++;
    }

    @Override
    public void onSnapshot(RolloutSnapshot snapshot) {
        recentAdvantages.addLast(snapshot.advantages());
        if (recentAdvantages.size() > HISTOGRAM_ROLLOUTS) {
            recentAdvantages.removeFirst();
        }
        version++;
    }

    /** Advantages of the last few rollouts, oldest first. */
    public List<float[]> recentAdvantages() {
        return new ArrayList<>(recentAdvantages);
    }

    /** Changes whenever data is added or cleared. */
    /**
     * One mark per moment: changes with no update in between (a slider being dragged) merge into
     * the last mark, which keeps the first old value and the latest new one.
     */
    @Override
    public void onLiveChange(LiveChange change) {
        int last = liveChanges.size() - 1;
        if (last >= 0 && liveChanges.get(last).envSteps() == change.envSteps()) {
            liveChanges.set(last, new LiveChange(change.envSteps(), merge(liveChanges.get(last).text(), change.text())));
        } else {
            liveChanges.add(change);
            if (liveChanges.size() > MAX_LIVE_CHANGES) {
                liveChanges.remove(0);
            }
        }
        version++;
    }

    /** "α a → b" then "α b → c" reads "α a → c"; different fields are listed side by side. */
    private static String merge(String earlier, String later) {
        java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();
        for (String text : new String[] {earlier, later}) {
            for (String part : text.split(", ")) {
                int arrow = part.indexOf(" → ");
                int space = part.lastIndexOf(' ', arrow - 1);
                if (arrow < 0 || space < 0) {
                    continue;
                }
                String name = part.substring(0, space);
                String from = part.substring(space + 1, arrow);
                String to = part.substring(arrow + 3);
                String[] known = fields.get(name);
                fields.put(name, new String[] {known == null ? from : known[0], to});
            }
        }
        List<String> parts = new ArrayList<>();
        fields.forEach((name, values) -> parts.add(name + " " + values[0] + " → " + values[1]));
        return String.join(", ", parts);
    }

    /** Live setting changes of this run, oldest first. */
    public List<LiveChange> liveChanges() {
        return java.util.Collections.unmodifiableList(liveChanges);
    }

    public long version() {
        return version;
    }

    /** Env steps of the latest update; 0 before the first. */
    public double latestSteps() {
        return latestSteps;
    }

    /** Points held over all series: bounded however long the run. */
    public int storedPoints() {
        int n = 0;
        for (SeriesBuffer s : all) {
            n += s.storedPoints();
        }
        for (SeriesBuffer s : gaussianSeries) {
            n += s.storedPoints();
        }
        return n;
    }
}
