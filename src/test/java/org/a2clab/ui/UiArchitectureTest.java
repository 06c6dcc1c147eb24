package org.a2clab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** MVVM and feature boundaries inside the desktop app. */
@AnalyzeClasses(packages = "org.a2clab.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiArchitectureTest {
    /** View-models expose properties and commands; they never touch controls or the scene graph. */
    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = classes()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..", "org.controlsfx..");

    /** View-models hand pictures along as suppliers of PNG bytes; drawing and encoding live in views. */
    @ArchTest
    static final ArchRule viewModelsDoNotTouchAwtOrImageIo = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..");

    /** Features are wired by the composition root only; none reaches back into it. */
    @ArchTest
    static final ArchRule featuresDoNotDependOnTheCompositionRoot = noClasses()
            .that().resideInAnyPackage("org.a2clab.ui.(*)..")
            .should().dependOnClassesThat().resideInAPackage("org.a2clab.ui");

    /** The trainer's views and view-models reach the session only through SessionHandle. */
    @ArchTest
    static final ArchRule onlyTheHandleKnowsTheSession = noClasses()
            .that().resideInAnyPackage("org.a2clab.ui", "org.a2clab.ui.training..", "org.a2clab.ui.hyperparams..",
                    "org.a2clab.ui.charts..", "org.a2clab.ui.render..", "org.a2clab.ui.status..", "org.a2clab.ui.canvas..")
            .and().haveNameNotMatching(".*\\.SessionHandle(\\$.*)?")
            .should().dependOnClassesThat().haveSimpleName("Run");

    /**
     * Jobs from the app get a TrainingView (network, counters, best checkpoint), never the trainer:
     * nothing in the UI can step, reconfigure or close the run behind the session's back.
     */
    @ArchTest
    static final ArchRule theUiNeverSeesTheTrainer = noClasses()
            .that().resideInAnyPackage("org.a2clab.ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.a2clab.train.A2c");
}
