package org.a2clab.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The headless command line: {@code a2c-lab <command> [options]}. */
public final class Cli {
    static final String HELP = "usage: a2c-lab [command] [options]\n"
            + "With no command the desktop app opens. Commands:\n"
            + "  train      train A2C on CartPole-v1 headless\n"
            + "  simulate   step CartPole from an exact state with given actions\n"
            + "  bench      train several seeds and report speed and steps to solve\n"
            + "  sweep      train every value of one hyperparameter x every seed, with statistics\n"
            + "  evaluate   play episodes with a saved model and report its returns\n"
            + "  episode    one episode of a saved model, every frame's pi, V, return, advantage as JSON;\n"
            + "             --gif FILE also draws it as an animated GIF\n"
            + "  policy     print pi(a|s) and V(s) of a saved model for given observations\n"
            + "  export     pack a saved model bundle into a .zip, or write its network as ONNX\n"
            + "  runs       list, delete or rename the runs of a runs folder (the app's Experiments tab)\n"
            + "Run 'a2c-lab <command> --help' for a command's options.\n"
            + "Exit status: 0 success, 1 runtime failure, 2 bad input.\n";

    private Cli() {
    }

    /** Runs one command and returns the process exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || isHelp(args[0])) {
            out.print(HELP);
            return 0;
        }
        String command = args[0];
        String help = helpOf(command);
        if (help == null) {
            err.println("a2c-lab: unknown command '" + Options.shorten(command) + "'");
            err.print(HELP);
            return 2;
        }
        if (Arrays.stream(args).skip(1).anyMatch(Cli::isHelp)) {
            out.print(help);
            return 0;
        }
        try {
            switch (command) {
                case "train":
                    return TrainCommand.run(args, out, err);
                case "simulate":
                    return SimulateCommand.run(args, out);
                case "bench":
                    return BenchCommand.run(args, out, err);
                case "sweep":
                    return SweepCommand.run(args, out, err);
                case "episode":
                    return EpisodeCommand.run(args, out, err);
                case "evaluate":
                    return EvaluateCommand.run(args, out, err);
                case "policy":
                    return PolicyCommand.run(args, out, err);
                case "export":
                    return ExportCommand.run(args, err);
                case "runs":
                    return RunsCommand.run(args, out, err);
                default:
                    throw new IllegalStateException(command);
            }
        } catch (UsageException e) {
            err.println("a2c-lab " + command + ": " + Options.shortenEchoes(e.getMessage(), args));
            return 2;
        } catch (Exception e) {
            err.println("a2c-lab " + command + ": "
                    + Options.shortenEchoes(e.getMessage() == null ? e.toString() : e.getMessage(), args));
            return 1;
        }
    }

    private static String helpOf(String command) {
        switch (command) {
            case "train":
                return TrainCommand.HELP;
            case "simulate":
                return SimulateCommand.HELP;
            case "bench":
                return BenchCommand.HELP;
            case "sweep":
                return SweepCommand.HELP;
            case "episode":
                return EpisodeCommand.HELP;
            case "evaluate":
                return EvaluateCommand.HELP;
            case "policy":
                return PolicyCommand.HELP;
            case "export":
                return ExportCommand.HELP;
            case "runs":
                return RunsCommand.HELP;
            default:
                return null;
        }
    }

    private static boolean isHelp(String a) {
        return a.equals("--help") || a.equals("-h") || a.equals("help");
    }
}
