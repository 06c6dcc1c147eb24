package org.a2clab.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.a2clab.train.Hyperparameters;

/**
 * Reads one run folder as hostile input ({@link RunFiles}). Anything wrong (a cut-off file, JSON
 * that is not ours, a pipe or link in place of a file, a folder a run left before it finished, a
 * bug) makes a damaged record whose problem says what and where in plain words; reading never
 * throws, short of the JVM itself failing.
 */
final class RunReader {
    private RunReader() {
    }

    /** What a finished run's result.json holds. */
    record Result(Hyperparameters hp, RunResult result) {
    }

    static RunRecord read(String id, Path dir) {
        return read(id, dir, null);
    }

    /** As {@link #read(String, Path)}, with {@code known} curves (null: read metrics.jsonl) in place of the file's. */
    static RunRecord read(String id, Path dir, RunCurves known) {
        try {
            return readOrThrow(id, dir, known);
        } catch (Throwable e) {
            return RunRecord.damaged(id, dir, reason(e, "the folder"));
        }
    }

    /**
     * {@code e} in plain words for a damaged entry ({@code what}: the thing being read when the
     * failure is the file system's). Errors of the JVM itself (other than running out of stack or
     * memory on one run's files) are thrown on: nothing can be trusted after them.
     */
    static String reason(Throwable e, String what) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError) && !(e instanceof OutOfMemoryError)) {
            throw (VirtualMachineError) e;
        }
        if (e instanceof IOException) {
            return RunFiles.unreadable(what, (IOException) e).getMessage();
        }
        if (e instanceof java.io.UncheckedIOException) {
            return RunFiles.unreadable(what, ((java.io.UncheckedIOException) e).getCause()).getMessage();
        }
        if (e instanceof StackOverflowError) {
            return "its files nest too deeply to be a run";
        }
        if (e instanceof OutOfMemoryError) {
            return "reading it needs more memory than this app has, far more than a run's files need";
        }
        return "it could not be read because of an error in A2C Lab (please report it)";
    }

    private static RunRecord readOrThrow(String id, Path dir, RunCurves known) throws IOException {
        Set<String> names = names(dir);
        // probed before run.json is read: a writer lets go only after writing its last state
        boolean held = names.contains(RunFolder.LOCK) && RunLock.isHeld(dir);
        RunMeta meta = names.contains(RunFolder.META) ? RunMeta.read(dir) : null;
        if (meta != null && meta.state() == RunState.DAMAGED) {
            return RunRecord.damaged(id, dir, meta.reason() == null ? "run.json marks it damaged" : meta.reason());
        }
        Hyperparameters hp = meta != null && meta.settings() != null ? meta.settings().hp() : null;
        RunResult result = null;
        if (names.contains(RunFolder.RESULT)) {
            Result r = result(dir);
            hp = r.hp();
            result = r.result();
        }
        RunState state = meta != null && meta.state() != null ? meta.state()
                : result != null ? RunState.FINISHED : null;
        if (state == null) {
            return RunRecord.damaged(id, dir, "no result.json: the run was cut off before it finished");
        }
        if (state.live() && !held) {
            // running or paused, but the process that trained it ended without saying how
            state = RunState.CUT_OFF;
        }
        if (state == RunState.FINISHED && result == null) {
            return RunRecord.damaged(id, dir, "run.json says finished but result.json is missing");
        }
        if (hp == null) {
            return RunRecord.damaged(id, dir, "neither result.json nor run.json names the settings");
        }
        RunCurves curves = known;
        if (curves == null) {
            curves = new RunCurves();
            if (names.contains(RunFolder.METRICS)) {
                readMetrics(dir.resolve(RunFolder.METRICS), curves);
            }
        }
        return new RunRecord(id, dir, meta == null ? null : meta.name(), state,
                meta == null ? null : meta.reason(), hp, meta == null ? null : meta.settings(), result, curves);
    }

    /** The names in the folder; listing it first tells an unreadable folder from a run cut off. */
    private static Set<String> names(Path dir) throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** result.json read strictly: the proof, for a sweep's folder without run.json, that it is ours. */
    static Result result(Path dir) throws RunFileException {
        String what = RunFolder.RESULT;
        JsonObject r = RunFiles.json(dir.resolve(RunFolder.RESULT), what);
        JsonObject h = RunFields.object(r, "hyperparameters", what);
        if (h == null) {
            throw new RunFileException(what + " lacks hyperparameters");
        }
        Hyperparameters hp = RunFields.hyperparameters(h, what);
        boolean solved = RunFields.bool(r, "solved", what);
        long steps = RunFields.whole(r, "env_steps", what);
        if (steps < 0) {
            throw new RunFileException(what + ": env_steps is negative");
        }
        double mean = RunFields.optionalNumber(r, "mean_return_last100", what);
        double wall = RunFields.number(r, "wall_s", what);
        // files written before the solve had fields of its own were solved at their end, if at all
        long solvedAt = solved ? steps : -1;
        double solvedWall = solved ? wall : Double.NaN;
        if (r.has("solved_at_env_steps")) {
            solvedAt = r.get("solved_at_env_steps").isJsonNull() ? -1 : RunFields.whole(r, "solved_at_env_steps", what);
            solvedWall = RunFields.optionalNumber(r, "solved_at_wall_s", what);
            if (solved != solvedAt >= 0 || solvedAt > steps) {
                throw new RunFileException(what + ": solved_at_env_steps does not fit solved and env_steps");
            }
        }
        JsonObject best = RunFields.object(r, "best", what);
        double bestReturn = best == null ? Double.NaN : RunFields.optionalNumber(best, "greedy_mean_return", what + " best");
        return new Result(hp, new RunResult(solved, solvedAt, solvedWall, steps, mean, wall, bestReturn));
    }

    private static void readMetrics(Path file, RunCurves curves) throws IOException {
        try (BoundedLines in = RunFiles.lines(file, RunFolder.METRICS)) {
            String line;
            while ((line = in.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String what = RunFolder.METRICS + " line " + in.number();
                JsonObject o;
                try {
                    o = RunFiles.object(line, what);
                } catch (RunFileException e) {
                    // the file's line number is in the name; the parser's "line 1" would only confuse
                    throw new RunFileException(e.getMessage().replace("at line 1, column", "at column"));
                }
                String type = RunFields.text(o, "type", what);
                if ("update".equals(type)) {
                    long steps = RunFields.whole(o, "env_steps", what);
                    for (Metric m : Metric.values()) {
                        curves.add(steps, m, RunFields.optionalNumber(o, m.jsonKey(), what));
                    }
                } else if ("eval".equals(type)) {
                    curves.evaluations().add(RunFields.whole(o, "env_steps", what),
                            RunFields.optionalNumber(o, "greedy_mean_return", what));
                }
            }
        }
    }
}
