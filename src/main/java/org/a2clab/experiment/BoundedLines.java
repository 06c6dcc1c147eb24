package org.a2clab.experiment;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text line by line holding at most one line of {@code maxLine} bytes and one read
 * buffer: a longer line is refused as soon as its first {@code maxLine + 1} bytes are seen, never
 * read whole (BufferedReader.readLine would keep a 900 MB line in memory, twice).
 */
final class BoundedLines implements Closeable {
    private static final int BUFFER = 8192;
    private final InputStream in;
    private final String what;
    private final int maxLine;
    private final long maxTotal;
    private final byte[] buffer = new byte[BUFFER];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int pos;
    private int end;
    private long total;
    private int number;

    /** {@code what}: the file's name in messages; {@code maxTotal}: bytes of the whole file at most. */
    BoundedLines(InputStream in, String what, int maxLine, long maxTotal) {
        this.in = in;
        this.what = what;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
    }

    /** The next line without its \n or \r\n, or null at the end of the file. */
    String next() throws IOException {
        int length = 0;
        boolean started = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            started = true;
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            length = append(length, stop - pos);
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new RunFileException(what + " is not UTF-8 text (line " + number + ")");
        }
    }

    /** The number of the line {@link #next} returned last (1 for the first). */
    int number() {
        return number;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        total += n;
        if (total > maxTotal) {
            throw new RunFileException(what + " is larger than " + RunFiles.bytes(maxTotal));
        }
        pos = 0;
        end = n;
        return true;
    }

    private int indexOfNewline() {
        for (int i = pos; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int append(int length, int count) throws RunFileException {
        if (length + count > maxLine) {
            throw new RunFileException(what + " line " + (number + 1) + " is longer than " + RunFiles.bytes(maxLine));
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLine, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(buffer, pos, line, length, count);
        return length + count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
