package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists, duplicates, overflowing seeds and huge values: refused with exit 2 and a short message, before any run. */
class OptionParsingTest {
    @TempDir
    Path tmp;

    private static void assertRefused(Run r, String... parts) {
        assertEquals(2, r.status(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected '" + p + "' in: " + r.err());
        }
        assertEquals("", r.out());
    }

    /** split(",") dropped trailing empty items: lr=, ran an empty sweep with exit 0. */
    @Test
    void emptyListItemsAreRefused() {
        Path out = tmp.resolve("never");
        assertRefused(cli("sweep", "--vary", "lr=,", "--out", out.toString()), "--vary lr: an empty item in ','");
        assertRefused(cli("sweep", "--vary", "lr=0.001,,0.002", "--out", out.toString()), "--vary lr: an empty item");
        assertRefused(cli("sweep", "--vary", "lr=0.001", "--seed-list", "1,2,", "--out", out.toString()),
                "--seed-list: an empty item in '1,2,'");
        assertRefused(cli("bench", "--seed-list", "1,2,"), "--seed-list: an empty item");
        assertRefused(cli("policy", "--model", "m", "--obs", "0,0,0,0,"), "--obs: an empty item");
        assertRefused(cli("simulate", "--state", "0,0,0,0", "--actions", "1,0,"), "--actions: an empty item");
        assertFalse(Files.exists(out), "nothing was written");
    }

    /** Two spellings of one value made two groups, whose folders collide on a case-insensitive file system. */
    @Test
    void twoSpellingsOfOneValueAreRefused() {
        Path out = tmp.resolve("never");
        assertRefused(cli("sweep", "--vary", "lr=1e-3,0.001", "--out", out.toString()),
                "--vary lr: 1e-3 and 0.001 are the same value");
        assertRefused(cli("sweep", "--vary", "optimizer=adam,ADAM", "--out", out.toString()),
                "--vary optimizer: adam and ADAM are the same value");
        assertRefused(cli("sweep", "--vary", "policy=gaussian, Gaussian", "--out", out.toString()),
                "gaussian and Gaussian are the same value");
        assertFalse(Files.exists(out), "nothing was written");
    }

    /** The seeds wrapped to Long.MIN_VALUE. */
    @Test
    void seedsPastTheLargestAreRefused() {
        assertRefused(cli("bench", "--seed", "9223372036854775807", "--seeds", "2"),
                "--seeds 2 from --seed 9223372036854775807 would go past the largest seed");
        assertRefused(cli("sweep", "--vary", "lr=0.001", "--seed", "9223372036854775806", "--seeds", "3", "--out",
                tmp.resolve("never").toString()), "would go past the largest seed");
    }

    /** --lr-decay-steps defaults to --max-steps, and its check ran first. */
    @Test
    void aZeroBudgetIsAMaxStepsError() {
        Run train = cli("train", "--max-steps", "0");
        assertRefused(train, "--max-steps must be ≥ 1, got 0");
        assertFalse(train.err().contains("decay"), train.err());
        Run sweep = cli("sweep", "--vary", "lr=0.001", "--max-steps", "0", "--out", tmp.resolve("never").toString());
        assertRefused(sweep, "a2c-lab sweep: --max-steps must be ≥ 1, got 0");
        assertFalse(sweep.err().contains("decay") || sweep.err().contains("--vary"), sweep.err());
    }

    /** A 100,000-character value was echoed whole to stderr. */
    @Test
    void hugeValuesAreShortenedInMessages() {
        String huge = "x".repeat(100_000);
        Run[] runs = {cli("train", "--lr", huge), cli("train", huge), cli(huge),
                cli("bench", "--seed-list", "1," + huge), cli("sweep", "--vary", "lr=" + huge, "--out", "o"),
                cli("policy", "--model", "m", "--obs", "1,2,3," + huge), cli("train", "--optimizer", " " + huge + " ")};
        for (Run r : runs) {
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("x".repeat(Options.MAX_ECHO - 1) + "… (10000") && r.err().contains(" characters)"),
                    r.err().substring(0, Math.min(300, r.err().length())));
            assertFalse(r.err().contains("x".repeat(Options.MAX_ECHO + 1)), "cut to " + Options.MAX_ECHO + " characters");
            assertTrue(r.err().length() < 2000, "stderr holds " + r.err().length() + " characters");
        }
    }
}
