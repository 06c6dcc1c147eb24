package org.a2clab.cli;

import java.util.Optional;
import java.util.Set;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;
import org.a2clab.train.StopRule;

/** The hyperparameter options shared by {@code train}, {@code bench} and {@code sweep}. */
final class HyperparameterOptions {
    static final Set<String> NAMES = Set.of("--seed", "--envs", "--n-steps", "--lr", "--entropy",
            "--gamma", "--value-coef", "--max-grad-norm", "--hidden", "--optimizer", "--device",
            "--gae-lambda", "--normalize-advantage", "--lr-schedule", "--lr-final", "--lr-decay-steps",
            "--lr-drop", "--policy", "--init-log-std");

    static final String HELP = ""
            + "  --seed N            seed of network, envs and sampling (default 1)\n"
            + "  --envs N            parallel workers, 1-256 (default 16)\n"
            + "  --n-steps N         n of the n-step return, 1-128 (default 5)\n"
            + "  --lr X              learning rate, 1e-5-0.1, set by hand; without it, derived from\n"
            + "                      the batch B = envs x n-steps as " + formula(BatchScaledLearningRate.CATEGORICAL) + "\n"
            + "                      within " + bounds(BatchScaledLearningRate.CATEGORICAL) + " ("
            + BatchScaledLearningRate.plain(Hyperparameters.DEFAULTS.learningRate()) + " at "
            + Hyperparameters.DEFAULTS.numEnvs() + " x " + Hyperparameters.DEFAULTS.nSteps() + "); stderr says the value\n"
            + "  --entropy X         entropy bonus beta, 0-0.1 (default 0)\n"
            + "  --gamma X           discount, 0.8-0.9999 (default 0.98)\n"
            + "  --value-coef X      value loss coefficient c, 0-2 (default 0.15)\n"
            + "  --max-grad-norm X   global gradient norm clip, 0.01-100 (default 2)\n"
            + "  --hidden N          units per hidden layer, 4-1024 (default 128)\n"
            + "  --optimizer NAME    adam | rmsprop (default rmsprop)\n"
            + "  --device NAME       auto | cpu | gpu (default auto)\n"
            + "  --gae-lambda X      lambda of GAE, 0-1; 1 = plain n-step returns (default 0.9)\n"
            + "  --normalize-advantage true|false  scale each batch's advantages to mean 0, std 1\n"
            + "                      (default true)\n"
            + "  --lr-schedule NAME  constant | linear | drop-on-solve (default constant)\n"
            + "  --lr-final X        linear: learning rate at the end, 0-0.1 (default 0)\n"
            + "  --lr-decay-steps N  linear: env steps to reach --lr-final (default --max-steps)\n"
            + "  --lr-drop X         drop-on-solve: factor applied once when solved, 0-1 (default 0.1)\n"
            + "  --policy NAME       categorical (push left/right) | gaussian (mu, sigma of a real\n"
            + "                      force 10 N x clip(a, -1, 1)) (default categorical); gaussian\n"
            + "                      changes the defaults of --lr to " + gaussianLr()
            + "\n                      and --entropy to " + Hyperparameters.GAUSSIAN_DEFAULTS.entropyCoef() + "\n"
            + "  --init-log-std X    gaussian: log sigma of a fresh network, -5-2 (default "
            + Hyperparameters.GAUSSIAN_DEFAULTS.initialLogStd() + ")\n";

    static final long MAX_STEPS = 1_000_000;

    /** A rule in the help's ASCII: "0.0025 * (B/80)^1". */
    private static String formula(BatchScaledLearningRate rule) {
        return BatchScaledLearningRate.plain(rule.baseLr()) + " * (B/" + rule.baseBatch() + ")^"
                + BatchScaledLearningRate.plain(rule.exponent());
    }

    /** Its clamp: "[0.00001, 0.0075]". */
    private static String bounds(BatchScaledLearningRate rule) {
        return "[" + BatchScaledLearningRate.plain(rule.minLr()) + ", " + BatchScaledLearningRate.plain(rule.maxLr()) + "]";
    }

    /** The Gaussian default α in the help, derived by its batch rule. */
    private static String gaussianLr() {
        BatchScaledLearningRate rule = BatchScaledLearningRate.forPolicy(PolicyKind.GAUSSIAN);
        return formula(rule) + " within " + bounds(rule) + " (derived)";
    }

    /**
     * The stderr line that says which α a run got from the batch, e.g. "α 0.00125 derived from 8
     * workers × 5 steps (0.0025 · (40/80)^1); --lr sets it by hand"; empty when α was set or fixed.
     */
    static Optional<String> derivedNote(Hyperparameters hp) {
        if (!hp.learningRateDerived()) {
            return Optional.empty();
        }
        BatchScaledLearningRate rule = BatchScaledLearningRate.forPolicy(hp.policy());
        return Optional.of("α " + BatchScaledLearningRate.plain(hp.learningRate()) + " derived from " + hp.numEnvs()
                + " workers × " + hp.nSteps() + " steps (" + rule.explain(hp.numEnvs(), hp.nSteps())
                + "); --lr sets it by hand");
    }

    private HyperparameterOptions() {
    }

    /** The stop options shared by train and bench: --max-steps and --target-return. */
    static StopRule stopRule(Options o) {
        try {
            return new StopRule(o.longValue("--max-steps", MAX_STEPS),
                    o.doubleValue("--target-return", StopRule.SOLVED_RETURN));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static boolean bool(Options o, String name, boolean fallback) {
        String v = o.string(name, Boolean.toString(fallback)).trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new UsageException(name + " must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** The hyperparameters; {@code rule} gives --lr-decay-steps its default, the budget. */
    static Hyperparameters parse(Options o, StopRule rule) {
        OptimizerKind optimizer;
        DeviceChoice device;
        PolicyKind policy;
        try {
            policy = PolicyKind.parse(o.string("--policy", Hyperparameters.DEFAULTS.policy().label()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--policy must be categorical or gaussian, got '" + o.string("--policy", "") + "'");
        }
        // options not given take the defaults of the chosen policy
        Hyperparameters d = Hyperparameters.defaultsFor(policy);
        try {
            optimizer = OptimizerKind.parse(o.string("--optimizer", d.optimizer().name()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--optimizer must be adam or rmsprop, got '" + o.string("--optimizer", "") + "'");
        }
        try {
            device = DeviceChoice.parse(o.string("--device", d.device().name()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--device must be auto, cpu or gpu, got '" + o.string("--device", "") + "'");
        }
        try {
            Hyperparameters hp = new Hyperparameters(o.intValue("--n-steps", d.nSteps()), o.intValue("--envs", d.numEnvs()),
                    o.doubleValue("--lr", d.learningRate()), o.doubleValue("--entropy", d.entropyCoef()),
                    o.doubleValue("--gamma", d.gamma()), o.doubleValue("--value-coef", d.valueCoef()),
                    o.doubleValue("--max-grad-norm", d.maxGradNorm()), o.intValue("--hidden", d.hiddenSize()),
                    optimizer, o.longValue("--seed", d.seed()), device,
                    o.doubleValue("--gae-lambda", d.gaeLambda()), bool(o, "--normalize-advantage", d.normalizeAdvantage()),
                    LrSchedule.parse(o.string("--lr-schedule", d.lrSchedule().label())),
                    o.doubleValue("--lr-final", d.lrFinal()),
                    // the linear schedule anneals over the whole budget unless told otherwise
                    o.longValue("--lr-decay-steps", rule.maxSteps()),
                    o.doubleValue("--lr-drop", d.lrDrop()), policy,
                    o.doubleValue("--init-log-std", d.initialLogStd()), false);
            // without --lr, α follows this batch (and policy) as the app's auto α does
            return o.has("--lr") ? hp : hp.withDerivedLearningRate();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
