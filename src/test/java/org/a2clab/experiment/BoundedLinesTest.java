package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {
    /** An endless line, counting what the reader took from it. */
    private static final class EndlessLine extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'a');
            taken += len;
            return len;
        }
    }

    private static BoundedLines lines(String text, int maxLine, long maxTotal) {
        return new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "metrics.jsonl",
                maxLine, maxTotal);
    }

    @Test
    void aLineLongerThanTheBoundIsRefusedAfterReadingNoMoreThanTheBoundAndOneBuffer() {
        EndlessLine endless = new EndlessLine();
        BoundedLines in = new BoundedLines(endless, "metrics.jsonl", RunFiles.MAX_LINE_BYTES, RunFiles.MAX_METRICS_BYTES);
        RunFileException e = assertThrows(RunFileException.class, in::next);
        assertEquals("metrics.jsonl line 1 is longer than 64 KB", e.getMessage());
        assertTrue(endless.taken <= RunFiles.MAX_LINE_BYTES + 8192, "read " + endless.taken + " bytes");
    }

    @Test
    void linesEndInNewlineOrCarriageReturnNewlineAndTheLastMayEndInNeither() throws IOException {
        BoundedLines in = lines("{\"a\":1}\r\n\nλ\nlast", 64, 1000);
        assertEquals("{\"a\":1}", in.next());
        assertEquals("", in.next());
        assertEquals("λ", in.next());
        assertEquals("last", in.next());
        assertEquals(4, in.number());
        assertNull(in.next());
    }

    @Test
    void theBoundIsInBytesAndAFileLargerThanItsLimitIsRefused() throws IOException {
        BoundedLines exact = lines("abcd\n", 4, 1000);
        assertEquals("abcd", exact.next());
        RunFileException longer = assertThrows(RunFileException.class, () -> lines("abcde\n", 4, 1000).next());
        assertEquals("metrics.jsonl line 1 is longer than 4 bytes", longer.getMessage());

        BoundedLines big = lines("a\n".repeat(100), 64, 100);
        RunFileException total = assertThrows(RunFileException.class, () -> {
            while (big.next() != null) {
                // read on until the total bound
            }
        });
        assertEquals("metrics.jsonl is larger than 100 bytes", total.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() throws IOException {
        BoundedLines in = new BoundedLines(new ByteArrayInputStream(new byte[] {'o', 'k', '\n', (byte) 0xc3, '\n'}),
                "metrics.jsonl", 64, 1000);
        assertEquals("ok", in.next());
        assertEquals("metrics.jsonl is not UTF-8 text (line 2)", assertThrows(RunFileException.class, in::next).getMessage());
    }
}
