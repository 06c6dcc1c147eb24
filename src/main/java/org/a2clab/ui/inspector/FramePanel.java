package org.a2clab.ui.inspector;

import org.a2clab.render.Rounded;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.StepView;
import org.a2clab.inspect.EpisodeFrame;

/** The current frame's numbers, each with a one-line explanation of what it means for A2C. */
final class FramePanel extends GridPane {
    /** The rows only a categorical frame shows, and those only a Gaussian frame shows. */
    private final List<Integer> categoricalRows = new ArrayList<>();
    private final List<Integer> gaussianRows = new ArrayList<>();
    /** A frame's own policy rows, as its distribution chooses. */
    private final StepView<List<Integer>> policyRows = new StepView<>() {
        @Override
        public List<Integer> categorical(int action, float prob) {
            return categoricalRows;
        }

        @Override
        public List<Integer> gaussian(GaussianAction details) {
            return gaussianRows;
        }
    };

    FramePanel(InspectorViewModel model) {
        getStyleClass().add("frame-panel");
        setHgap(10);
        setVgap(3);
        ColumnConstraints explanation = new ColumnConstraints();
        explanation.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(112, 112, 112), explanation);
        int row = 0;
        row = add(model, row, "t", "frame", "step of the episode", f -> Integer.toString(f.t()));
        row = add(model, row, "state", "x, ẋ", "cart position (m) and velocity (m/s)",
                f -> Rounded.format("%+.3f", f.state()[0]) + ", " + Rounded.format("%+.3f", f.state()[1]));
        row = add(model, row, "angle", "θ, dθ/dt", "pole angle (rad, > 0 leans right) and its rate",
                f -> Rounded.format("%+.3f", f.state()[2]) + ", " + Rounded.format("%+.3f", f.state()[3]));
        row = categorical(model, add(model, row, "probRight", "π(right|s)", "actor: chance of pushing right",
                f -> Rounded.format("%.3f", f.probRight())));
        row = categorical(model, add(model, row, "action", "action", "what the agent did",
                f -> f.action() == 1 ? "right" : "left"));
        row = gaussian(model, add(model, row, "gaussianMean", "μ(s)", "actor: mean of the action a",
                ofGaussian(a -> Rounded.format("%+.3f", a.mean()))));
        row = gaussian(model, add(model, row, "gaussianStd", "σ(s)", "actor: spread of a, exp(log σ), log σ in [−5, 2]",
                ofGaussian(a -> Rounded.format("%.3f", a.std()))));
        row = gaussian(model, add(model, row, "gaussianAction", "a", "sampled from N(μ, σ²); μ itself when greedy",
                ofGaussian(a -> Rounded.format("%+.3f", a.action()))));
        row = gaussian(model, add(model, row, "gaussianForce", "force", "10 N × clip(a, −1, 1): what the cart felt",
                ofGaussian(a -> Rounded.format("%+.2f N", a.force()) + (a.clipped() ? " (clipped)" : ""))));
        row = gaussian(model, add(model, row, "gaussianLogProb", "log π(a|s)", "at the unclipped a: what the loss uses",
                ofGaussian(a -> Rounded.format("%+.3f", a.logProb()))));
        row = add(model, row, "value", "V(s)", "critic: expected discounted future reward",
                f -> Rounded.format("%.3f", f.value()));
        row = add(model, row, "reward", "r", "reward of this step (1 while alive)",
                f -> Rounded.format("%.1f", f.reward()));
        row = add(model, row, "nStepReturn", "R (n-step)", "n real rewards, then bootstrapped from V",
                f -> Rounded.format("%.3f", f.nStepReturn()));
        row = add(model, row, "advantage", "A = R − V", "> 0: better than the critic expected",
                f -> Rounded.format("%+.3f", f.advantage()));
        row = gae(model, add(model, row, "lambdaReturn", "G^λ", "λ-return: the critic's target",
                f -> Rounded.format("%.3f", f.lambdaReturn())));
        row = gae(model, add(model, row, "gaeAdvantage", "A^GAE", "G^λ − V: the actor's advantage",
                f -> Rounded.format("%+.3f", f.gaeAdvantage())));
        row = add(model, row, "tdError", "δ", "r + γV(s') − V(s): one-step surprise",
                f -> Rounded.format("%+.3f", f.tdError()));
        row = categorical(model, add(model, row, "entropy", "H(π)", "0 certain … 0.693 undecided",
                f -> Rounded.format("%.3f", f.entropy())));
        row = gaussian(model, add(model, row, "gaussianEntropy", "H(π)", "½ log(2πe) + log σ: 1.419 at σ = 1",
                f -> Rounded.format("%.3f", f.entropy())));
        add(model, row, "flags", "end", "terminated: fell; truncated: 500 steps", FramePanel::flags);
    }

    /**
     * Shows the row just added only while the selected episode's λ is below 1: at λ = 1 it would
     * repeat R and A. Returns {@code next}, the row after it.
     */
    private int gae(InspectorViewModel model, int next) {
        return showRow(next, Bindings.createBooleanBinding(() -> {
            org.a2clab.inspect.RecordedEpisode e = model.selectedEpisodeProperty().get();
            return e != null && e.lambda() < 1;
        }, model.selectedEpisodeProperty()));
    }

    /** A Gaussian row's text; "–" on a categorical frame, where the row is hidden anyway. */
    private static Function<EpisodeFrame, String> ofGaussian(Function<GaussianAction, String> format) {
        return f -> f.view(new StepView<String>() {
            @Override
            public String categorical(int action, float prob) {
                return "–";
            }

            @Override
            public String gaussian(GaussianAction details) {
                return format.apply(details);
            }
        });
    }

    /** Shows the row just added only for a categorical frame (or none); returns {@code next}. */
    private int categorical(InspectorViewModel model, int next) {
        categoricalRows.add(next - 1);
        return policyRow(model, next);
    }

    /** Shows the row just added only for a Gaussian policy's frame; returns {@code next}. */
    private int gaussian(InspectorViewModel model, int next) {
        gaussianRows.add(next - 1);
        return policyRow(model, next);
    }

    /** Shows the row just added when the current frame's distribution has it among its rows. */
    private int policyRow(InspectorViewModel model, int next) {
        int row = next - 1;
        return showRow(next, Bindings.createBooleanBinding(() -> {
            EpisodeFrame f = model.currentFrame();
            return (f == null ? categoricalRows : f.view(policyRows)).contains(row);
        }, model.currentFrameProperty()));
    }

    /** Binds the visibility of row {@code next − 1} to {@code shown}; returns {@code next}. */
    private int showRow(int next, javafx.beans.binding.BooleanBinding shown) {
        for (javafx.scene.Node n : getChildren()) {
            if (GridPane.getRowIndex(n) != null && GridPane.getRowIndex(n) == next - 1) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
        }
        return next;
    }

    private static String flags(EpisodeFrame f) {
        String s = f.terminated() ? "terminated" : f.truncated() ? "truncated" : "–";
        return f.perturbed() ? s + " · pushed" : s;
    }

    private int add(InspectorViewModel model, int row, String id, String name, String explanation,
            Function<EpisodeFrame, String> format) {
        Label nameLabel = new Label(name);
        nameLabel.setStyle("-fx-font-weight: bold");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label value = new Label();
        value.setId(id);
        value.setMinWidth(Region.USE_PREF_SIZE); // a number is never shortened; the explanation wraps instead
        value.textProperty().bind(Bindings.createStringBinding(() -> {
            EpisodeFrame f = model.currentFrame();
            return f == null ? "–" : format.apply(f);
        }, model.currentFrameProperty()));
        Label help = new Label(explanation);
        help.setStyle("-fx-text-fill: #6c757d; -fx-font-size: 11px");
        help.setWrapText(true); // a narrow side panel wraps the explanation instead of cutting it
        addRow(row, nameLabel, value, help);
        return row + 1;
    }
}
