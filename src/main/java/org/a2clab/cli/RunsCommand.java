package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunRefusedException;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.SettingsText;
import org.a2clab.experiment.Workspace;

/** {@code runs}: the runs store headless, the same {@link Workspace} the app's Experiments tab uses. */
final class RunsCommand {
    static final String HELP = "usage: a2c-lab runs list DIR\n"
            + "       a2c-lab runs delete DIR RUN_ID\n"
            + "       a2c-lab runs rename DIR RUN_ID NAME\n"
            + "The runs folder the app's Experiments tab shows (its own is ~/.a2c-lab/runs), or a sweep's\n"
            + "--out folder. RUN_ID is a run's id as list prints it, e.g. 'lr=0.001/seed-3'.\n"
            + "  list     one JSON line per run:\n"
            + "           {\"id\",\"name\",\"state\",\"settings\",\"seed\",\"env_steps\",\"solved\",\"damaged\"};\n"
            + "           damaged is null, or why the run's files cannot be read (the other runs are\n"
            + "           still listed, and the exit status is 0)\n"
            + "  delete   deletes the run's folder, only if A2C Lab wrote everything in it; otherwise\n"
            + "           nothing is deleted and the exit status is 2\n"
            + "  rename   gives the run a name, kept in its run.json (NAME '' goes back to its settings)\n";

    private RunsCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length < 3) {
            throw new UsageException("give list DIR, delete DIR RUN_ID or rename DIR RUN_ID NAME");
        }
        String action = args[1];
        int expected = action.equals("list") ? 3 : action.equals("delete") ? 4 : action.equals("rename") ? 5 : -1;
        if (expected < 0) {
            throw new UsageException("unknown action '" + action + "'; list, delete or rename");
        }
        if (args.length != expected) {
            throw new UsageException(action + " takes " + (expected == 3 ? "DIR" : expected == 4 ? "DIR RUN_ID"
                    : "DIR RUN_ID NAME") + ", got " + (args.length - 2) + " argument(s)");
        }
        Path dir = Path.of(args[2]);
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + " is not a folder");
        }
        Workspace ws = new Workspace(dir);
        if (action.equals("list")) {
            list(ws, out, err);
            return 0;
        }
        RunRecord run = ws.find(args[3]).orElseThrow(() -> new UsageException("no run '" + args[3] + "' in "
                + ws.root() + " (a2c-lab runs list " + dir + " shows the ids)"));
        try {
            if (action.equals("delete")) {
                ws.delete(run);
                err.println("deleted " + run.id());
            } else {
                ws.rename(run, args[4]);
                err.println("renamed " + run.id());
            }
        } catch (RunRefusedException | IllegalArgumentException e) {
            throw new UsageException("cannot " + action + " " + run.id() + ": " + e.getMessage());
        }
        return 0;
    }

    private static void list(Workspace ws, PrintStream out, PrintStream err) throws IOException {
        List<RunRecord> runs = ws.scan();
        // the settings that differ between the runs are named, as in the app's runs list
        List<String> differing = SettingsText.differing(runs.stream().filter(r -> r.hp() != null)
                .map(RunRecord::hp).toList());
        for (RunRecord r : runs) {
            boolean damaged = r.state() == RunState.DAMAGED;
            JsonObject o = new JsonObject();
            o.addProperty("id", r.id());
            o.addProperty("name", r.name());
            o.addProperty("state", r.state().label());
            o.addProperty("settings", r.hp() == null ? null : SettingsText.name(r.hp(), differing));
            o.addProperty("seed", r.hp() == null ? null : r.hp().seed());
            o.addProperty("env_steps", damaged ? null : r.result() != null ? r.result().envSteps() : r.curves().envSteps());
            o.addProperty("solved", r.result() == null ? null : r.result().solved());
            o.addProperty("damaged", damaged ? r.problem() : null);
            out.println(Json.line(o, err));
        }
    }
}
