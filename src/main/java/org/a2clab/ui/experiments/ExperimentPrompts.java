package org.a2clab.ui.experiments;

import java.nio.file.Path;
import java.util.Optional;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.train.Hyperparameters;

/** The questions the Experiments tab asks the user; dialogs in the app, scripted answers in tests. */
public interface ExperimentPrompts {
    /** The New experiment… dialog, starting from {@code base} (the current sliders). */
    Optional<ExperimentPlan> newExperiment(Hyperparameters base);

    Optional<Path> chooseFolder(String title, Path current);

    Optional<Path> saveFile(String title, String suggestedName);

    Optional<String> rename(String current);

    boolean confirm(String question);
}
