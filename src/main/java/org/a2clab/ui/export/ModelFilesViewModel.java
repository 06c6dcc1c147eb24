package org.a2clab.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.a2clab.agent.PolicyKind;
import org.a2clab.export.ModelBundle;
import org.a2clab.export.OnnxExport;
import org.a2clab.train.Evaluation;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.EvaluationResult;
import org.a2clab.train.SessionState;
import org.a2clab.ui.concurrent.BackgroundWork;
import org.a2clab.ui.hyperparams.HyperparametersViewModel;
import org.a2clab.ui.training.TrainingViewModel;

/**
 * Export model, Export as .zip, Export as ONNX, Open model and Evaluate: the commands and their outcome. Writing
 * is {@link ModelExport}'s, checking and opening {@link ModelOpening}'s; network work runs on the
 * training thread, file work on {@code background}, and every result comes back through
 * {@code ui}: the FX thread never waits for DJL or the disk.
 */
public final class ModelFilesViewModel {
    /** Enough episodes for a stable mean, few enough to answer in well under a second. */
    static final int EVALUATION_EPISODES = 20;

    private final ActionOutcome outcome = new ActionOutcome();
    private final ReadOnlyObjectWrapper<EvaluationResult> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final BooleanBinding canUseNetwork;
    private final BooleanBinding canOpen;

    private final TrainingViewModel training;
    private final HyperparametersViewModel hyperparameters;
    private final ModelExport export;
    private final ModelOpening opening;
    private final BackgroundWork work;
    private long evaluationSeed = 1;

    /**
     * @param background runs file writing, and checks a bundle when no session has a training
     *                   thread (the app's session-control thread; tests may pass a direct executor)
     * @param ui         where results land (the FX thread)
     */
    public ModelFilesViewModel(TrainingViewModel training, HyperparametersViewModel hyperparameters,
            ChartImages charts, Executor background, Executor ui) {
        this.training = training;
        this.hyperparameters = hyperparameters;
        export = new ModelExport(training, charts, background);
        opening = new ModelOpening(training, background);
        work = new BackgroundWork(ui);
        canUseNetwork = training.hasNetworkProperty().and(outcome.busyProperty().not());
        canOpen = outcome.busyProperty().not();
    }

    // Commands

    /** Writes the current network, its run's statistics, metrics CSVs and chart PNGs into {@code dir}. */
    public void exportTo(Path dir) {
        exportTo(dir, ExportChoice.CURRENT);
    }

    /** As {@link #exportTo(Path)}, with the current or the best-evaluated weights. */
    public void exportTo(Path dir, ExportChoice choice) {
        exporting(dir, () -> export.toDirectory(dir, choice), files -> "Wrote " + dir.toAbsolutePath()
                + " (" + describe(choice) + "):\n" + String.join("\n", files));
    }

    /**
     * Export's "best so far (greedy mean R 500.0 at step 140,000)" answer; empty before the run's
     * first greedy evaluation, when only the current weights can be exported.
     */
    public Optional<String> bestChoiceText() {
        EvaluationReport latest = training.currentRun().latestEvaluation();
        return latest == null ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "best so far (greedy mean R %.1f at step %,d)", latest.best().meanReturn(), latest.best().envSteps()));
    }

    /** Export's "current (step 150,000)" answer. */
    public String currentChoiceText() {
        return String.format(Locale.ROOT, "current (step %,d)", training.envStepsShown());
    }

    private static String describe(ExportChoice choice) {
        return choice == ExportChoice.BEST ? "the best-evaluated weights" : "the current weights";
    }

    /** As {@link #exportTo(Path)} into a temporary directory, packed into one {@code zipFile}. */
    public void exportZip(Path zipFile) {
        exportZip(zipFile, ExportChoice.CURRENT);
    }

    /** As {@link #exportTo(Path, ExportChoice)} into a temporary directory, packed into one {@code zipFile}. */
    public void exportZip(Path zipFile, ExportChoice choice) {
        if (!canUseNetwork.get()) {
            return;
        }
        Path staging;
        try {
            staging = Files.createTempDirectory("a2c-lab-export").resolve("bundle");
        } catch (IOException e) {
            outcome.finished(Notice.error("Export failed", "No temporary directory for the .zip: " + e.getMessage()));
            return;
        }
        exporting(zipFile, () -> export.toZip(staging, zipFile, choice), files -> "Wrote "
                + zipFile.toAbsolutePath() + " holding:\n" + String.join("\n", files));
    }

    /** Writes the current network alone as an ONNX model (π and V) to {@code file}. */
    public void exportOnnx(Path file) {
        Hyperparameters hp = training.appliedProperty().get();
        PolicyKind kind = hp == null ? PolicyKind.CATEGORICAL : hp.policy();
        exporting(file, () -> export.toOnnx(file), files -> "Wrote " + file.toAbsolutePath()
                + ": the network as ONNX (input obs [batch, 4]; outputs " + onnxOutputs(kind) + ").");
    }

    /** The ONNX file's outputs for a network of this kind, under the names {@link OnnxExport} gives them. */
    static String onnxOutputs(PolicyKind kind) {
        StringBuilder b = new StringBuilder();
        List<String> names = kind.distribution().onnxOutputs();
        int[] widths = kind.distribution().actorHeadUnits();
        for (int i = 0; i < names.size(); i++) {
            b.append(names.get(i)).append(" [batch, ").append(widths[i]).append("], ");
        }
        return b.append(OnnxExport.VALUE).append(" [batch, 1]").toString();
    }

    private void exporting(Path target, Supplier<CompletableFuture<List<String>>> write,
            Function<List<String>, String> report) {
        if (!canUseNetwork.get()) {
            return;
        }
        outcome.begin("Exporting model to " + target.getFileName() + "…");
        work.then(write.get(), files -> outcome.finished(Notice.info("Model exported", report.apply(files))),
                error -> outcome.failed("Export failed", error));
    }

    /**
     * The question to ask before opening replaces the network in hand (training, paused or kept
     * after Stop); empty when nothing would be lost.
     */
    public Optional<String> openWouldReplace() {
        if (!training.hasNetworkProperty().get() && !training.canStopProperty().get()) {
            return Optional.empty();
        }
        long steps = training.envStepsShown();
        return Optional.of(String.format("Opening a model replaces the current network (%s) and its plots. "
                + "Export it first (File → Export model…) to keep it.",
                steps > 0 ? String.format("%,d env steps of training", steps) : "not trained yet"));
    }

    /**
     * The question to ask before {@link #exportTo} replaces an existing bundle folder; empty when
     * {@code dir} is new or empty. (A folder that is not an A2C Lab bundle is refused anyway.)
     */
    public Optional<String> exportWouldReplace(Path dir) {
        if (!Files.isDirectory(dir) || ModelOpening.isEmptyDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(dir.getFileName() + " already exists. Replace the model bundle in it? "
                + "Its files are replaced only once the new bundle is completely written.");
    }

    /**
     * The question to ask before {@link #exportOnnx} replaces {@code file}; empty when it is new.
     * (Anything but a regular file is refused by the write itself.)
     */
    public Optional<String> exportOnnxWouldReplace(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file.getFileName() + " already exists. Replace it? It is replaced only once the new "
                + "file is completely written.");
    }

    /** Forgets how the last action ended (its line beside the menu), unless one is running. */
    public void clearOutcome() {
        outcome.clear();
    }

    /**
     * Checks the bundle (dir or .zip) completely before anything changes; then restores its
     * hyperparameters into the settings and continues from its network, paused. A broken bundle
     * is reported and the current session keeps running untouched.
     */
    public void open(Path path) {
        open(path, question -> true);
    }

    /**
     * Checks the bundle first; only a model that loads is put to {@code replaceOk} with the
     * {@link #openWouldReplace} question (when something would be lost), and opened if it agrees.
     * A broken file is explained without asking anything.
     */
    public void open(Path path, Predicate<String> replaceOk) {
        if (outcome.busy()) {
            return;
        }
        outcome.begin("Opening " + path.getFileName() + "…");
        if (Files.isDirectory(path) && ModelOpening.isEmptyDirectory(path)) {
            outcome.finished(Notice.error("Could not open " + path.getFileName(), path.getFileName()
                    + " is an empty folder. Choose the folder of an exported model (it holds "
                    + ModelBundle.MANIFEST_FILE + ") or its .zip.\n\nThe current model is unchanged."));
            return;
        }
        work.then(opening.check(path), checked -> {
            Optional<String> question = openWouldReplace();
            if (question.isPresent() && !replaceOk.test(question.get())) {
                outcome.endedQuietly("Kept the current model");
                return;
            }
            hyperparameters.load(checked.hyperparameters());
            opening.start(path, checked, state -> {
                if (state == SessionState.PAUSED) {
                    outcome.finished(Notice.info("Model opened",
                            ModelOpening.describe(path, checked.manifest()) + checked.curvesNote()));
                } else {
                    // The session's own failure dialog explains why (e.g. the file changed since the check).
                    outcome.endedQuietly("Opening " + path.getFileName() + " failed");
                }
            });
        }, error -> outcome.failed("Could not open " + path.getFileName(), error));
    }

    /** Plays {@link #EVALUATION_EPISODES} episodes with the current network, greedy or sampled. */
    public void evaluate(boolean greedy) {
        if (!canUseNetwork.get()) {
            return;
        }
        long seed = evaluationSeed++;
        outcome.begin("Evaluating (" + (greedy ? "greedy" : "sampled") + ", " + EVALUATION_EPISODES + " episodes)…");
        work.then(training.currentRun().submit(view -> new Evaluated(
                Evaluation.run(view.network(), EVALUATION_EPISODES, greedy, seed), view.network().policy())), done -> {
            evaluation.set(done.result());
            outcome.finished(Notice.info("Evaluation (" + done.result().mode() + ")", summary(done.result(), done.policy())));
        }, error -> outcome.failed("Evaluation failed", error));
    }

    /** An evaluation and the kind of policy that played it. */
    private record Evaluated(EvaluationResult result, PolicyKind policy) {
    }

    /** "Greedy (argmax π): mean 500.0, min 500, max 500 over 20 episodes (seed 1)". */
    public static String summary(EvaluationResult r) {
        return summary(r, PolicyKind.CATEGORICAL);
    }

    /** As {@link #summary(EvaluationResult)}; a Gaussian policy's greedy action is a = μ(s). */
    public static String summary(EvaluationResult r, PolicyKind policy) {
        String mode = (r.greedy() ? "Greedy (" : "Sampled (") + policy.distribution().acting(r.greedy()) + ")";
        return String.format("%s: mean %.1f, min %.0f, max %.0f over %d episodes (seed %d)",
                mode, r.mean(), r.min(), r.max(), r.episodes(), r.seed());
    }

    // Property accessors

    public ReadOnlyBooleanProperty busyProperty() {
        return outcome.busyProperty();
    }

    /** What is running now, or how the last action ended. */
    public ReadOnlyStringProperty progressProperty() {
        return outcome.progressProperty();
    }

    /** The last action's outcome (confirmation or error); null while one runs. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return outcome.noticeProperty();
    }

    public ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** Export and Evaluate need a network; none of the actions overlap. */
    public BooleanBinding canUseNetworkProperty() {
        return canUseNetwork;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }
}
