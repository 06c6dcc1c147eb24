package org.a2clab.experiment;

import java.nio.file.Path;
import org.a2clab.train.Hyperparameters;

/**
 * One run folder as read from disk. {@code id}: its path inside the workspace ("lr=0.001/seed-3").
 * {@code hp} is null only for a damaged run, {@code settings} (with the budget) only for runs the
 * app did not start, {@code result} until the run finishes; {@code problem} says what is wrong
 * with a damaged or failed run.
 */
public record RunRecord(String id, Path dir, String name, RunState state, String problem, Hyperparameters hp,
        RunSettings settings, RunResult result, RunCurves curves) {

    static RunRecord damaged(String id, Path dir, String problem) {
        return new RunRecord(id, dir, null, RunState.DAMAGED, problem, null, null, null, new RunCurves());
    }

    /** This run with another given name (null: none, the settings name it). */
    public RunRecord withName(String newName) {
        return new RunRecord(id, dir, newName, state, problem, hp, settings, result, curves);
    }

    public boolean hasModel() {
        return java.nio.file.Files.isDirectory(dir.resolve(RunFolder.MODEL));
    }

    public Path finalModel() {
        return dir.resolve(RunFolder.MODEL);
    }

    public Path bestModel() {
        return dir.resolve(RunFolder.MODEL).resolve(org.a2clab.export.ModelBundle.BEST_DIR);
    }
}
