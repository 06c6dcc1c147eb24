package org.a2clab.ui.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.a2clab.experiment.RunFolders;
import org.a2clab.train.Hyperparameters;

/**
 * Not a unit test: times the runs list's work on its own thread (here the main thread stands in
 * for the FX thread) with N synthetic run folders: opening the folder, then unticking every run
 * one by one (each a change of the list). Linear work doubles from N to 2N; quadratic work
 * quadruples. Run with the test class path: {@code org.a2clab.ui.experiments.RunsListProbe [N...]}.
 */
public final class RunsListProbe {
    private RunsListProbe() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {250, 500, 1000, 2000} : java.util.Arrays.stream(args)
                .mapToInt(Integer::parseInt).toArray();
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            for (int n : sizes) {
                Path dir = Files.createTempDirectory("runs-probe");
                for (int i = 0; i < n; i++) {
                    Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(i % 2 == 0 ? 1e-3 : 3e-3).withSeed(i);
                    RunFolders.appRun(dir.resolve("lr=" + (i % 2 == 0 ? "0.001" : "0.003") + "/seed-" + i), hp);
                }
                // each size its own threads, so no work of the last one is counted
                ExecutorService disk = Executors.newSingleThreadExecutor();
                LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
                ExperimentsViewModel vm = new ExperimentsViewModel(disk, fx::add);
                long t0 = System.nanoTime();
                long[] fxNanos = {0};
                vm.open(dir);
                drainUntil(fx, () -> vm.rows().size() == n, fxNanos);
                long open = fxNanos[0];
                long t1 = System.nanoTime();
                for (RunRow r : vm.rows()) {
                    r.overlayProperty().set(!r.overlayProperty().get());
                }
                long ticks = System.nanoTime() - t1;
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%5d runs: open %7.1f ms on the list's thread (%7.1f ms in all), "
                            + "%d ticks %7.1f ms%n", n, open / 1e6, (t1 - t0) / 1e6, n, ticks / 1e6);
                }
                disk.shutdownNow();
                disk.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
        System.exit(0);
    }

    /** Runs what came for the FX thread until {@code done}; adds the time spent running it. */
    private static void drainUntil(LinkedBlockingQueue<Runnable> fx, BooleanSupplier done, long[] fxNanos)
            throws InterruptedException {
        while (!done.getAsBoolean()) {
            Runnable r = fx.poll(60, TimeUnit.SECONDS);
            if (r == null) {
                throw new IllegalStateException("nothing came for the FX thread in 60 s");
            }
            long t = System.nanoTime();
            r.run();
            fxNanos[0] += System.nanoTime() - t;
        }
    }
}
