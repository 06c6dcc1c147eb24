package org.a2clab.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.a2clab.export.StrictJson;

/**
 * Opens the files of a run folder as hostile input: regular files only (a link is never followed,
 * so a metrics.jsonl linked to /dev/zero is refused, and a FIFO is never opened, so the scan
 * cannot block), bounded bytes and lines, JSON by {@link StrictJson} (depth limit). Every problem
 * is a {@link RunFileException} saying which file and what, in plain words.
 */
final class RunFiles {
    /** run.json and result.json are under 2 KB; anything far larger is not ours. */
    static final int MAX_JSON_BYTES = 64 << 10;
    /** One metrics line is under 1 KB. */
    static final int MAX_LINE_BYTES = 64 << 10;
    /** A run of 10⁸ env steps writes about 200 MB of metrics. */
    static final long MAX_METRICS_BYTES = 1L << 30;

    private RunFiles() {
    }

    /** True if something (a file, a link, anything) has this name; a link is not followed. */
    static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The JSON object in a small run file ({@code what}: its name in messages). */
    static JsonObject json(Path file, String what) throws RunFileException {
        byte[] bytes;
        try (InputStream in = open(file, what)) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        } catch (RunFileException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(what, e);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new RunFileException(what + " is larger than " + bytes(MAX_JSON_BYTES) + ", far more than a run writes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RunFileException(what + " is not UTF-8 text");
        }
        return object(text, what);
    }

    /** A JSON object from one line or file of a run, the legacy non-finite words read as null. */
    static JsonObject object(String text, String what) throws RunFileException {
        try {
            return StrictJson.parseObject(nonFiniteAsNull(text), what);
        } catch (StrictJson.Invalid e) {
            throw new RunFileException(e.getMessage());
        }
    }

    /** metrics.jsonl line by line, bounded in line length and total size. */
    static BoundedLines lines(Path file, String what) throws RunFileException {
        return new BoundedLines(open(file, what), what, MAX_LINE_BYTES, MAX_METRICS_BYTES);
    }

    /**
     * Opens a regular file, never following a link (checked before, and O_NOFOLLOW on the open
     * itself in case a link was put there in between).
     */
    private static InputStream open(Path file, String what) throws RunFileException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                throw new RunFileException(what + " is a symbolic link; A2C Lab reads only the regular files it wrote");
            }
            if (a.isDirectory()) {
                throw new RunFileException(what + " is a directory, not a file");
            }
            if (!a.isRegularFile()) {
                throw new RunFileException(what + " is a special file (a pipe, socket or device), not a file");
            }
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (RunFileException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(what, e);
        }
    }

    /** An IOException of the file system in plain words (its own message names the exception's path twice). */
    static RunFileException unreadable(String what, IOException e) {
        if (e instanceof RunFileException) {
            return (RunFileException) e;
        }
        if (e instanceof AccessDeniedException) {
            return new RunFileException(what + " cannot be read: permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return new RunFileException(what + " vanished while it was being read");
        }
        String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        return new RunFileException(what + " cannot be read" + (reason == null ? "" : ": " + reason));
    }

    /**
     * Versions before JSON-null wrote a non-finite number as the bare word NaN, Infinity or
     * -Infinity (Gson's lenient form); outside strings those read as null, as written today.
     */
    static String nonFiniteAsNull(String json) {
        if (!json.contains("NaN") && !json.contains("Infinity")) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            String word = json.startsWith("NaN", i) ? "NaN" : json.startsWith("-Infinity", i) ? "-Infinity"
                    : json.startsWith("Infinity", i) ? "Infinity" : null;
            if (word != null) {
                out.append("null");
                i += word.length() - 1;
            } else {
                out.append(c);
                inString = c == '"';
            }
        }
        return out.toString();
    }

    /** 65536 → "64 KB", as a message says it. */
    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) {
            return (n >> 30) + " GB";
        }
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KB";
        }
        return n + " bytes";
    }
}
