package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.experiment.RunFolder;
import org.a2clab.experiment.RunFolders;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs}: the runs store headless (issue 19), the same Workspace the app uses. */
class RunsCommandTest {
    @TempDir
    Path tmp;

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS;

    private List<JsonObject> list(Path dir) {
        Run r = cli("runs", "list", dir.toString());
        assertEquals(0, r.status(), r.err());
        return r.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
    }

    @Test
    void listPrintsOneJsonLinePerRunDamagedOnesIncludedAndExitsZero() throws Exception {
        RunFolders.finished(tmp.resolve("lr=0.001/seed-1"), HP.withLearningRate(1e-3).withSeed(1), true, 9000, 476, 1, 5);
        RunFolders.finished(tmp.resolve("lr=0.003/seed-2"), HP.withLearningRate(3e-3).withSeed(2), false, 20000, 80, 1, 5);
        Path cut = RunFolders.finished(tmp.resolve("lr=0.003/seed-3"), HP.withSeed(3), true, 9000, 476, 1, 5);
        Files.writeString(cut.resolve(RunFolder.RESULT), "{\"solved\": true, \"env_st");

        List<JsonObject> runs = list(tmp);
        assertEquals(3, runs.size());
        assertEquals(JsonParser.parseString("{\"id\":\"lr=0.001/seed-1\",\"name\":null,\"state\":\"finished\","
                + "\"settings\":\"α 1e-3 · seed 1\",\"seed\":1,\"env_steps\":9000,\"solved\":true,"
                + "\"damaged\":null}"), runs.get(0));
        assertEquals(false, runs.get(1).get("solved").getAsBoolean());
        assertEquals(20000, runs.get(1).get("env_steps").getAsLong());
        JsonObject damaged = runs.get(2);
        assertEquals("damaged", damaged.get("state").getAsString());
        assertTrue(damaged.get("damaged").getAsString().startsWith("result.json is not valid JSON at line 1"),
                damaged.toString());
        assertTrue(damaged.get("settings").isJsonNull() && damaged.get("env_steps").isJsonNull());
    }

    @Test
    void aRunWhoseWriterIsGoneListsAsCutOff() throws Exception {
        RunFolders.cutOff(tmp.resolve("2026-01-31T12-00-00 train/seed-1"), HP.withSeed(1));
        List<JsonObject> runs = list(tmp);
        assertEquals(1, runs.size());
        assertEquals("cut off", runs.get(0).get("state").getAsString());
        assertEquals(9000, runs.get(0).get("env_steps").getAsLong(), "its curves so far");
    }

    @Test
    void renameAndDeleteWorkOnTheListedIds() throws Exception {
        Path run = RunFolders.appRun(tmp.resolve("lr=0.001/seed-1"), HP.withSeed(1));
        Run renamed = cli("runs", "rename", tmp.toString(), "lr=0.001/seed-1", "my best run");
        assertEquals(0, renamed.status(), renamed.err());
        assertEquals("my best run", list(tmp).get(0).get("name").getAsString());

        Run deleted = cli("runs", "delete", tmp.toString(), "lr=0.001/seed-1");
        assertEquals(0, deleted.status(), deleted.err());
        assertFalse(Files.exists(run));
        assertEquals(List.of(), list(tmp));
    }

    @Test
    void aRefusedDeleteAnUnknownIdOrAPathOutsideExitTwoAndChangeNothing() throws Exception {
        Path run = RunFolders.appRun(tmp.resolve("ws/lr=0.001/seed-1"), HP.withSeed(1));
        Files.writeString(run.resolve("notes.txt"), "mine");
        Path ws = tmp.resolve("ws");

        Run refused = cli("runs", "delete", ws.toString(), "lr=0.001/seed-1");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("holds 'notes.txt', which A2C Lab did not write"), refused.err());
        assertTrue(Files.exists(run.resolve(RunFolder.RESULT)));

        RunFolders.appRun(tmp.resolve("outside/seed-1"), HP.withSeed(1));
        for (String id : List.of("lr=0.001/seed-9", "../outside/seed-1", "lr=0.001", "")) {
            Run unknown = cli("runs", "delete", ws.toString(), id);
            assertEquals(2, unknown.status(), id);
            assertTrue(unknown.err().contains("no run '" + id + "'"), unknown.err());
        }
        assertTrue(Files.exists(tmp.resolve("outside/seed-1/run.json")));

        Run control = cli("runs", "rename", ws.toString(), "lr=0.001/seed-1", "two\nlines");
        assertEquals(2, control.status());
        assertTrue(control.err().contains("control characters"), control.err());
        assertEquals(2, cli("runs", "list", tmp.resolve("missing").toString()).status());
        assertEquals(2, cli("runs", "remove", ws.toString()).status());
        assertEquals(2, cli("runs", "delete", ws.toString()).status());
    }

    @Test
    void helpIsPrintedAndTheCommandIsListed() {
        Run help = cli("runs", "--help");
        assertEquals(0, help.status());
        assertEquals(RunsCommand.HELP, help.out());
        assertTrue(Cli.HELP.contains("  runs "), Cli.HELP);
    }
}
