package org.a2clab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.EvaluationResult;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingView;
import org.a2clab.ui.hyperparams.HyperparametersViewModel;
import org.a2clab.ui.training.RunLauncher;
import org.a2clab.ui.training.SessionFactory;
import org.a2clab.ui.training.TrainingHandle;
import org.a2clab.ui.training.TrainingViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-files view-model on the test thread: direct executors, sessions that only record
 * what they are asked; bundle checks with no session run real DJL on this thread.
 */
class ModelFilesViewModelTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final HyperparametersViewModel hyperparameters = new HyperparametersViewModel();
    private final TrainingViewModel training = new TrainingViewModel(hyperparameters.settingsProperty(),
            new RecordingSessions(), RunLauncher.on(Runnable::run));
    private final ModelFilesViewModel model = new ModelFilesViewModel(training, hyperparameters,
            Map::of, Runnable::run, Runnable::run);

    @Test
    void exportAndEvaluateNeedANetwork() {
        assertFalse(model.canUseNetworkProperty().get());
        assertTrue(model.canOpenProperty().get());

        model.exportTo(dir.resolve("bundle"));
        model.evaluate(true);

        assertNull(model.noticeProperty().get());
        assertFalse(Files.exists(dir.resolve("bundle")));
        assertTrue(log.isEmpty(), "no session asked: " + log);
    }

    @Test
    void aBrokenBundleIsReportedAndNothingChanges() throws Exception {
        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{ not json");
        Files.write(broken.resolve(ModelBundle.SAFETENSORS_FILE), new byte[] {1, 2, 3});
        Files.write(broken.resolve(ModelBundle.PARAMS_FILE), new byte[] {4});
        Hyperparameters before = hyperparameters.settings();

        model.open(broken);

        Notice notice = model.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertEquals("Could not open broken", notice.title());
        assertTrue(notice.text().contains("manifest.json"), notice.text());
        assertTrue(notice.text().endsWith("The current model is unchanged."));
        assertEquals(before, hyperparameters.settings());
        assertTrue(log.isEmpty(), "no session created: " + log);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void openingRestoresTheSettingsAndContinuesPausedFromTheBundle() throws Exception {
        Hyperparameters trained = Hyperparameters.DEFAULTS.withNSteps(7).withNumEnvs(3).withLearningRate(3e-3)
                .withHiddenSize(16).withSeed(42);
        Path bundle = dir.resolve("bundle");
        DjlRuntime.prepareTrainingThread();
        try (ActorCritic net = new ActorCritic(16, 42, Device.cpu())) {
            ModelBundle.save(bundle, net, new TrainingResult(false, 700, 100, 12, 1.5, 31.5, "CPU", trained));
        }

        model.open(bundle);

        assertEquals(trained, hyperparameters.settings());
        assertEquals(List.of("continuing n=7", "pause", "start"), log);
        assertTrue(model.busyProperty().get(), "until the session reports its network");
        assertEquals("Opening bundle…", model.progressProperty().get());
    }

    @Test
    void anOpenedModelBringsItsOwnCountersAndCurves() throws Exception {
        Hyperparameters trained = Hyperparameters.DEFAULTS.withHiddenSize(16).withNSteps(5).withNumEnvs(4);
        Path bundle = dir.resolve("trained");
        org.a2clab.train.MetricsLog curves = new org.a2clab.train.MetricsLog();
        for (int u = 1; u <= 30; u++) {
            curves.record(org.a2clab.ui.training.Samples.update(u, 20L * u, u, 10 + u), List.of());
        }
        DjlRuntime.prepareTrainingThread();
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu())) {
            ModelBundle.save(bundle, net, new TrainingResult(false, 600, 30, 30, 2.5, 40, "CPU", trained), curves);
        }

        model.open(bundle);

        org.a2clab.ui.training.RunStart start = training.currentRun().runStart();
        assertEquals(600, start.envSteps());
        assertEquals(30, start.updates());
        assertEquals(30, start.updateHistory().size(), "the curves of its metrics.csv");
        assertEquals(600, training.envStepsShown());
        assertEquals(-1, training.currentRun().solvedAtStep().getAsLong());
    }

    @Test
    void anEmptyFolderIsNotAModelAndSaysWhatToChoose() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        model.open(empty);
        Notice notice = model.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("empty folder") && notice.text().contains("manifest.json"), notice.text());
        assertTrue(log.isEmpty());
        assertEquals("Could not open empty", model.progressProperty().get());
        model.clearOutcome();
        assertEquals("", model.progressProperty().get());
    }

    @Test
    void replacingAModelOrABundleIsAskedAboutOnlyWhenSomethingWouldBeLost() throws Exception {
        assertTrue(model.openWouldReplace().isEmpty(), "nothing to lose before any training");
        training.train();
        assertTrue(model.openWouldReplace().isPresent(), "a starting run would be replaced");
        assertTrue(model.openWouldReplace().get().contains("Export it first"));

        assertTrue(model.exportWouldReplace(dir.resolve("new")).isEmpty());
        assertTrue(model.exportWouldReplace(Files.createDirectory(dir.resolve("empty"))).isEmpty());
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(existing.resolve("manifest.json"), "{}");
        assertTrue(model.exportWouldReplace(existing).get().startsWith("existing already exists"));
    }

    @Test
    void aGpuTrainedModelOpensOnTheCpuWhenNoGpuIsPresent() throws Exception {
        DjlRuntime.prepareTrainingThread();
        org.junit.jupiter.api.Assumptions.assumeTrue(DjlRuntime.gpuCount() == 0, "this machine has a GPU");
        Hyperparameters trained = Hyperparameters.DEFAULTS.withHiddenSize(16).withDevice(DeviceChoice.GPU);
        Path bundle = dir.resolve("gpu-bundle");
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu())) {
            ModelBundle.save(bundle, net, new TrainingResult(true, 9000, 100, 40, 1.5, 480, "GPU 0", trained));
        }

        model.open(bundle);

        assertEquals(trained.withDevice(DeviceChoice.AUTO), hyperparameters.settings());
        assertEquals(List.of("continuing n=" + trained.nSteps(), "pause", "start"), log);
    }

    @Test
    void evaluationSummariesSayGreedyOrSampled() {
        assertEquals("Greedy (argmax π): mean 450.0, min 400, max 500 over 2 episodes (seed 3)",
                ModelFilesViewModel.summary(new EvaluationResult(true, 3, new double[] {400, 500})));
        assertEquals("Sampled (a ~ π): mean 20.0, min 10, max 30 over 2 episodes (seed 4)",
                ModelFilesViewModel.summary(new EvaluationResult(false, 4, new double[] {10, 30})));
        assertEquals("Greedy (a = μ(s)): mean 450.0, min 400, max 500 over 2 episodes (seed 3)",
                ModelFilesViewModel.summary(new EvaluationResult(true, 3, new double[] {400, 500}),
                        org.a2clab.agent.PolicyKind.GAUSSIAN));
        assertEquals("Sampled (a ~ N(μ, σ²)): mean 20.0, min 10, max 30 over 2 episodes (seed 4)",
                ModelFilesViewModel.summary(new EvaluationResult(false, 4, new double[] {10, 30}),
                        org.a2clab.agent.PolicyKind.GAUSSIAN));
    }

    /** Sessions that log what they are asked and never report back. */
    private final class RecordingSessions implements SessionFactory {
        @Override
        public TrainingHandle create(Hyperparameters hp, TrainingListener listener) {
            log.add("create n=" + hp.nSteps());
            return new RecordingHandle(hp);
        }

        @Override
        public TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener) {
            log.add("continuing n=" + hp.nSteps());
            return new RecordingHandle(hp);
        }
    }

    private final class RecordingHandle implements TrainingHandle {
        private final Hyperparameters hp;

        RecordingHandle(Hyperparameters hp) {
            this.hp = hp;
        }

        @Override
        public void start() {
            log.add("start");
        }

        @Override
        public void pause() {
            log.add("pause");
        }

        @Override
        public void resume() {
            log.add("resume");
        }

        @Override
        public void stop() {
            log.add("stop");
        }

        @Override
        public void setHyperparameters(Hyperparameters next) {
            log.add("set");
        }

        @Override
        public Hyperparameters hyperparameters() {
            return hp;
        }

        @Override
        public void requestSnapshot() {
        }

        @Override
        public CompletableFuture<String> deviceName() {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<org.a2clab.train.TrainingStats> stats() {
            return new CompletableFuture<>();
        }

        @Override
        public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
            log.add("submit");
            return new CompletableFuture<>();
        }

        @Override
        public void setStopWhenSolved(boolean on) {
            log.add("stopWhenSolved=" + on);
        }
    }
}
