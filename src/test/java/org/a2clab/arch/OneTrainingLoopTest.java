package org.a2clab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.a2clab.agent.A2cUpdate;
import org.a2clab.agent.LossWeights;
import org.a2clab.agent.RolloutBatch;
import org.a2clab.train.A2c;
import org.a2clab.train.Run;

/**
 * {@link Run} is the one training loop: the app (on its own thread) and {@code train},
 * {@code bench}, {@code sweep} and New experiment (on the caller's) all step training through it,
 * so they evaluate, publish and stop the same way.
 */
@AnalyzeClasses(packages = "org.a2clab", importOptions = ImportOption.DoNotIncludeTests.class)
class OneTrainingLoopTest {

    @ArchTest
    static final ArchRule onlyRunUpdates = noClasses().that().doNotBelongToAnyOf(Run.class)
            .should().callMethod(A2c.class, "update")
            .because("Run is the one training loop (threaded for the app, on the caller's thread headless)");

    /** The gradient step under {@code A2c.update()}: nothing may take it around the A2c. */
    @ArchTest
    static final ArchRule onlyA2cTakesAGradientStep = noClasses().that().doNotBelongToAnyOf(A2c.class)
            .should().callMethod(A2cUpdate.class, "step", RolloutBatch.class, LossWeights.class, double.class)
            .because("every training step goes through A2c.update(), which only Run calls");
}
