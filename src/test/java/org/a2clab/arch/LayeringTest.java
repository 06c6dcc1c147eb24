package org.a2clab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.StepView;

/**
 * The layering the README's "How the code is laid out" draws (with {@code render}, the cart-pole
 * pictures, and {@code media}, image formats, both in plain Java for the app and the CLI): arrows
 * point down only; JavaFX only in ui; DJL only in agent, train and export.
 */
@AnalyzeClasses(packages = "org.a2clab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("launcher").definedBy("org.a2clab")
            .layer("ui").definedBy("org.a2clab.ui..")
            .layer("cli").definedBy("org.a2clab.cli..")
            .layer("experiment").definedBy("org.a2clab.experiment..")
            .layer("export").definedBy("org.a2clab.export..")
            .layer("inspect").definedBy("org.a2clab.inspect..")
            .layer("train").definedBy("org.a2clab.train..")
            .layer("agent").definedBy("org.a2clab.agent..")
            .layer("rollout").definedBy("org.a2clab.rollout..")
            .layer("render").definedBy("org.a2clab.render..")
            .layer("env").definedBy("org.a2clab.env..")
            .layer("media").definedBy("org.a2clab.media..")
            .layer("io").definedBy("org.a2clab.io..")
            .layer("stats").definedBy("org.a2clab.stats..")
            .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
            .whereLayer("experiment").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("export").mayOnlyBeAccessedByLayers("ui", "cli", "experiment")
            .whereLayer("inspect").mayOnlyBeAccessedByLayers("ui", "cli", "render")
            .whereLayer("render").mayOnlyBeAccessedByLayers("ui", "cli")
            .whereLayer("train").mayOnlyBeAccessedByLayers("ui", "cli", "export", "inspect", "experiment")
            // render reads two plain types of agent's, GaussianAction and StepView (see renderIsPlainJava)
            .whereLayer("agent").mayOnlyBeAccessedByLayers("train", "export", "inspect", "ui", "cli", "launcher",
                    "experiment", "render")
            .whereLayer("rollout").mayOnlyBeAccessedByLayers("train", "agent", "export", "inspect", "ui", "cli")
            .whereLayer("env").mayOnlyBeAccessedByLayers("train", "agent", "rollout", "export", "inspect", "render", "ui",
                    "cli")
            .whereLayer("media").mayOnlyBeAccessedByLayers("ui", "cli", "render")
            .whereLayer("io").mayOnlyBeAccessedByLayers("export", "inspect", "media", "ui", "cli", "experiment")
            .whereLayer("stats").mayOnlyBeAccessedByLayers("train", "export", "ui", "cli", "experiment");

    @ArchTest
    static final ArchRule onlyUiKnowsJavaFx = noClasses().that().resideOutsideOfPackage("org.a2clab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule djlStaysInAgentTrainExport = noClasses()
            .that().resideInAnyPackage("org.a2clab.env..", "org.a2clab.rollout..", "org.a2clab.inspect..",
                    "org.a2clab.stats..", "org.a2clab.render..", "org.a2clab.ui..", "org.a2clab.cli..",
                    "org.a2clab.experiment..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    /**
     * The experiment engine and run store (shared by {@code sweep} and the Experiments tab) know
     * neither the command line nor the app, so both call the same code.
     */
    @ArchTest
    static final ArchRule experimentsKnowNeitherCliNorUi = noClasses()
            .that().resideInAPackage("org.a2clab.experiment..")
            .should().dependOnClassesThat().resideInAnyPackage("org.a2clab.cli..", "org.a2clab.ui..", "javafx..");

    @ArchTest
    static final ArchRule envAndRolloutArePlainJava = noClasses()
            .that().resideInAnyPackage("org.a2clab.env..", "org.a2clab.rollout..", "org.a2clab.stats..")
            .should().dependOnClassesThat().resideInAnyPackage("org.a2clab.agent..", "org.a2clab.train..",
                    "org.a2clab.export..", "org.a2clab.ui..", "org.a2clab.cli..");

    @ArchTest
    static final ArchRule mediaIsPlainJava = classes().that().resideInAPackage("org.a2clab.media..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.w3c.dom..",
                    "org.a2clab.media..", "org.a2clab.io..");

    /**
     * Pictures drawn without JavaFX or DJL, from environment states and recorded frames only (and a
     * Gaussian step's μ, σ, a and force: {@link GaussianAction}, a plain record of numbers; and
     * {@link StepView}, through which a step's distribution picks what is drawn).
     */
    @ArchTest
    static final ArchRule renderIsPlainJava = classes().that().resideInAPackage("org.a2clab.render..")
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "javax..",
                    "org.a2clab.render..", "org.a2clab.env..", "org.a2clab.inspect..", "org.a2clab.media..")
                    .or(JavaClass.Predicates.belongToAnyOf(GaussianAction.class, StepView.class)));

    /** The agent classes render may see stay free of DJL. */
    @ArchTest
    static final ArchRule gaussianActionIsPlainJava = classes().that().belongToAnyOf(GaussianAction.class, StepView.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.a2clab.env..", "org.a2clab.agent..");
}
