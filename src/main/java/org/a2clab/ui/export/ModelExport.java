package org.a2clab.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.agent.ActorCritic;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.export.OnnxExport;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingView;
import org.a2clab.ui.concurrent.BackgroundWork;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingViewModel;

/**
 * Export model, Export as .zip and Export as ONNX: chart PNGs encoded on {@code background}, the bundle saved on
 * the training thread between updates, the folder listed (and zipped) on {@code background}.
 */
final class ModelExport {
    private final TrainingViewModel training;
    private final ChartImages charts;
    private final Executor background;

    ModelExport(TrainingViewModel training, ChartImages charts, Executor background) {
        this.training = training;
        this.charts = charts;
        this.background = background;
    }

    /**
     * Writes the bundle of the {@code choice} weights into {@code dir}; completes with its file
     * names. Call on the FX thread.
     */
    CompletableFuture<List<String>> toDirectory(Path dir, ExportChoice choice) {
        // Snapshots must be taken here, on the FX thread; encoding them waits for the background.
        Map<String, Supplier<byte[]>> images = charts.capture();
        Supplier<MetricsLog> metrics = training.currentRun().metricsLog();
        LongSupplier solvedAt = training.currentRun().solvedAtStep();
        RunStart base = training.currentRun().runStart();
        // PNGs are encoded first, so they go into the bundle's atomic save with everything else
        return CompletableFuture.supplyAsync(() -> encodeImages(images), background)
                .thenCompose(pngs -> training.currentRun().submit(view -> save(view, choice, base, dir,
                        metrics.get(), solvedAt.getAsLong(), pngs)))
                .thenApplyAsync(saved -> listFiles(dir), background);
    }

    /** As {@link #toDirectory} into a temporary folder, packed into {@code zipFile}; the folder is deleted. */
    CompletableFuture<List<String>> toZip(Path staging, Path zipFile, ExportChoice choice) {
        return toDirectory(staging, choice).thenCompose(files -> BackgroundWork.supply(background, () -> {
            try {
                ModelBundle.zip(staging, zipFile);
                return files;
            } finally {
                deleteQuietly(staging.getParent());
            }
        }));
    }

    /**
     * Writes the network as ONNX on the training thread (it owns the weights), atomically: the
     * file is complete or untouched. Completes with the file's name.
     */
    CompletableFuture<List<String>> toOnnx(Path file) {
        return training.currentRun().submit(view -> {
            try {
                OnnxExport.write(view.network(), file);
                return List.of(file.getFileName().toString());
            } catch (BundleException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * On the training thread, between updates: network, statistics and metrics agree. "Solved"
     * is the status bar's badge: the run met the rule at {@code solvedAt} (the mean may have fallen since).
     */
    private static Void save(TrainingView view, ExportChoice choice, RunStart base, Path dir,
            MetricsLog metrics, long solvedAt, Map<String, byte[]> images) {
        BestCheckpoint best = view.best();
        TrainingResult result = base.result(view.stats(), view.hyperparameters(), solvedAt);
        try {
            if (choice == ExportChoice.BEST) {
                if (best == null || !best.hasBest()) {
                    throw new IllegalStateException("no greedy evaluation yet: the first runs after "
                            + BestCheckpoint.DEFAULT_EVERY + " env steps");
                }
                try (ActorCritic bestNet = best.bestNetwork(view.network())) {
                    ModelBundle.save(dir, bestNet, result, metrics, images, best.bestCheckpoint().countedFrom(base.envSteps()));
                }
            } else {
                Checkpoint current = view.finalCheckpoint();
                ModelBundle.save(dir, view.network(), result, metrics, images, current.countedFrom(base.envSteps()));
            }
            return null;
        } catch (BundleException e) {
            throw new CompletionException(e);
        }
    }

    /** On the background thread: the charts' PNGs, encoded in parallel. */
    private static Map<String, byte[]> encodeImages(Map<String, Supplier<byte[]>> images) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        images.entrySet().parallelStream().map(image -> {
            try {
                return Map.entry(image.getKey(), image.getValue().get());
            } catch (UncheckedIOException e) {
                throw new UncheckedIOException("could not encode " + image.getKey() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }).forEachOrdered(png -> pngs.put(png.getKey(), png.getValue()));
        return pngs;
    }

    private static List<String> listFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle is saved, but listing it failed: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // A leftover copy in the system temp directory; the .zip itself is complete or absent.
        }
    }
}
