package org.a2clab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden sibling names: one encoder, one exact decoder, names that fit the file system. */
class SiblingsTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheExactFormOfADeadProcessIsALeftover() throws Exception {
        long dead = SpecialFiles.deadPid();
        long self = ProcessHandle.current().pid();
        assertTrue(Siblings.isLeftoverOf("k", ".k.tmp-" + dead + "-3c4d"));
        assertTrue(Siblings.isLeftoverOf("result.json", ".result.json.old-" + dead + "-a"));
        assertFalse(Siblings.isLeftoverOf("k", ".k.tmp-" + self + "-3c4d"), "a running process's write");
        assertTrue(Siblings.isSiblingOf("k", ".k.tmp-" + self + "-3c4d"));
        for (String users : new String[] {".k.tmp7", ".k.old-12", ".k.tmp-" + dead, ".k.tmp-" + dead + "-",
                ".k.tmp-" + dead + "-3C4D", ".k.tmp-" + dead + "-xyz", ".k.tmp-" + dead + "-ab.bak",
                ".k.tmp-" + dead + "-ab/", ".kk.tmp-" + dead + "-ab", ".k.tmp_backup", ".k.tmp-" + dead + "-12345678901234567",
                ".k.tmp-99999999999999999999-ab", "k.tmp-" + dead + "-ab", ".k.temp-" + dead + "-ab"}) {
            assertFalse(Siblings.isSiblingOf("k", users), users);
            assertFalse(Siblings.isLeftoverOf("k", users), users);
        }
        assertFalse(Siblings.isLeftoverOf("model", ".model.tmp_backup"));
        assertFalse(Siblings.isLeftoverOf("result.json", ".result.json.old_notes"));
        // the sibling of "k.tmp-1-a" is not one of "k"
        assertFalse(Siblings.isSiblingOf("k", ".k.tmp-1-a.tmp-" + dead + "-b"));
        assertTrue(Siblings.isSiblingOf("k.tmp-1-a", ".k.tmp-1-a.tmp-" + dead + "-b"));
    }

    @Test
    void whatTheEncoderWritesTheDecoderReads() {
        for (String name : new String[] {"m.jsonl", "b", "x".repeat(250), "é".repeat(127), "a.b.c", "🎲".repeat(60)}) {
            Path target = tmp.resolve(name);
            for (Path sibling : List.of(Siblings.temp(target), Siblings.old(target))) {
                String s = sibling.getFileName().toString();
                assertTrue(Siblings.isSiblingOf(name, s), s);
                assertFalse(Siblings.isLeftoverOf(name, s), "our own process is alive: " + s);
                assertTrue(s.getBytes(StandardCharsets.UTF_8).length <= 255, s.length() + " bytes: " + s);
                assertEquals(tmp, sibling.getParent());
            }
        }
    }

    @Test
    void aLongNameIsShortenedDeterministicallyAndDistinctly() throws Exception {
        String a = "a".repeat(249) + "1";
        String b = "a".repeat(249) + "2";
        assertEquals(Siblings.stem(a), Siblings.stem(a));
        assertNotEquals(Siblings.stem(a), Siblings.stem(b), "names differing only at the end");
        assertFalse(Siblings.isSiblingOf(b, Siblings.temp(tmp.resolve(a)).getFileName().toString()));
        assertEquals("short", Siblings.stem("short"));
        // a legal 250-character name: the sibling is created on disk and its leftover found
        Path target = tmp.resolve("n".repeat(250));
        Path temp = AtomicFiles.createTempSibling(target);
        assertTrue(Files.isRegularFile(temp));
        AtomicFiles.write(target, f -> Files.writeString(f, "x"));
        assertEquals("x", Files.readString(target));
        long dead = SpecialFiles.deadPid();
        String orphan = temp.getFileName().toString().replaceFirst("-\\d+-", "-" + dead + "-");
        Files.move(temp, tmp.resolve(orphan));
        assertEquals(List.of(tmp.resolve(orphan)), Siblings.leftovers(target, Siblings.Kind.TEMP));
        assertEquals(List.of(), Siblings.leftovers(target, Siblings.Kind.OLD));
    }
}
