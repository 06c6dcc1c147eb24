package org.a2clab.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.io.BoundedRead;

/**
 * The safetensors format (huggingface/safetensors), float32 only: an 8-byte little-endian header
 * length N, N bytes of UTF-8 JSON ({@code "__metadata__"} of strings, then per tensor its
 * {@code dtype}, {@code shape} and {@code data_offsets} into the data section), padded with
 * spaces to a multiple of 8 so the data is aligned, then the raw little-endian values.
 */
public final class SafeTensors {
    /** Far above the largest network the app builds (hidden 1024 ≈ 4.3 MB); refuses anything bigger unread. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /**
     * A header for this architecture is under 1 KB; a longer one is refused before it is parsed,
     * so a header of millions of tiny numbers cannot take seconds and gigabytes to read.
     */
    public static final int MAX_HEADER_BYTES = 64 << 10;
    static final String METADATA = "__metadata__";

    /** What a file holds: tensors in header order and the metadata strings. */
    public record Contents(Map<String, F32Tensor> tensors, Map<String, String> metadata) {
    }

    private SafeTensors() {
    }

    /** Encodes {@code tensors} (laid out in iteration order) with {@code metadata}. */
    public static byte[] encode(Map<String, F32Tensor> tensors, Map<String, String> metadata) {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        metadata.forEach(meta::addProperty);
        header.add(METADATA, meta);
        long offset = 0;
        for (Map.Entry<String, F32Tensor> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            t.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += 4L * e.getValue().data().length;
            offsets.add(offset);
            t.add("data_offsets", offsets);
            header.add(e.getKey(), t);
        }
        byte[] json = FiniteJson.line(header, FiniteJson.logged("model.safetensors")).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (F32Tensor t : tensors.values()) {
            for (float v : t.data()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    /**
     * Reads and validates a whole file. Every length the file claims is checked against the
     * file's real size before anything of that length is allocated.
     */
    public static Contents read(Path file) throws BundleException, IOException {
        String name = file.getFileName().toString();
        // counted as read, not as the file system reports (files under /proc report size 0)
        byte[] bytes = BoundedRead.atMost(file, MAX_FILE_BYTES);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new BundleException(name + " is more than " + MAX_FILE_BYTES + " bytes, more than this app accepts");
        }
        return decode(name, ByteBuffer.wrap(bytes));
    }

    /** Decodes a complete file image; {@code name} is used in messages. */
    public static Contents decode(String name, ByteBuffer file) throws BundleException {
        ByteBuffer buf = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long size = buf.remaining();
        if (size < 8) {
            throw new BundleException(name + " is truncated: " + size + " bytes, the 8-byte header length alone needs 8");
        }
        long headerLength = buf.getLong();
        if (headerLength < 2 || headerLength > size - 8) {
            throw new BundleException(name + ": header length " + Long.toUnsignedString(headerLength)
                    + " does not fit in the file (" + (size - 8) + " bytes after the length field)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new BundleException(name + ": header is " + headerLength + " bytes; a header for this network "
                    + "is under 1 KB and more than " + MAX_HEADER_BYTES + " bytes is refused unread");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        buf.get(headerBytes);
        JsonObject header = parseHeader(name, headerBytes);
        ByteBuffer data = buf.slice().order(ByteOrder.LITTLE_ENDIAN);

        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals(METADATA)) {
                metadata = metadata(name, e.getValue());
            } else {
                entries.add(entry(name, e.getKey(), e.getValue(), data.capacity()));
            }
        }
        checkLayout(name, entries, data.capacity());

        Map<String, F32Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            float[] values = new float[(int) ((e.end - e.begin) / 4)];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) e.begin).asFloatBuffer().get(values);
            tensors.put(e.name, new F32Tensor(e.shape, values));
        }
        return new Contents(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    }

    private record Entry(String name, long[] shape, long begin, long end) {
    }

    private static JsonObject parseHeader(String name, byte[] bytes) throws BundleException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException(name + ": header is not valid UTF-8 text");
        }
        JsonElement json;
        try {
            json = StrictJson.parse(text);
        } catch (StrictJson.Invalid e) {
            throw new BundleException(name + ": header " + e.getMessage());
        }
        if (!json.isJsonObject()) {
            throw new BundleException(name + ": header must be a JSON object");
        }
        return json.getAsJsonObject();
    }

    private static Map<String, String> metadata(String name, JsonElement value) throws BundleException {
        if (!value.isJsonObject()) {
            throw new BundleException(name + ": __metadata__ must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> m : value.getAsJsonObject().entrySet()) {
            if (!m.getValue().isJsonPrimitive() || !m.getValue().getAsJsonPrimitive().isString()) {
                throw new BundleException(name + ": __metadata__ value of " + StrictJson.quote(m.getKey()) + " is not a string");
            }
            out.put(m.getKey(), m.getValue().getAsString());
        }
        return out;
    }

    private static Entry entry(String file, String tensor, JsonElement value, long dataBytes) throws BundleException {
        String where = file + ": tensor " + StrictJson.quote(tensor);
        if (!value.isJsonObject()) {
            throw new BundleException(where + " must be an object with dtype, shape and data_offsets");
        }
        JsonObject o = value.getAsJsonObject();
        JsonElement dtype = o.get("dtype");
        if (dtype == null || !dtype.isJsonPrimitive() || !dtype.getAsJsonPrimitive().isString()) {
            throw new BundleException(where + " has no dtype");
        }
        if (!dtype.getAsString().equals("F32")) {
            throw new BundleException(where + " has dtype " + StrictJson.shorten(dtype.getAsString()) + "; only F32 is supported");
        }
        long[] shape = longs(where, "shape", o.get("shape"), -1);
        long[] offsets = longs(where, "data_offsets", o.get("data_offsets"), 2);
        long count = F32Tensor.elementCount(shape);
        if (count < 0 || count > dataBytes / 4) {
            throw new BundleException(where + " has shape " + Arrays.toString(shape)
                    + ", more values than the file's " + dataBytes + " data bytes hold (truncated file?)");
        }
        if (offsets[0] > offsets[1] || offsets[1] > dataBytes) {
            throw new BundleException(where + " has data_offsets " + Arrays.toString(offsets)
                    + " outside the " + dataBytes + "-byte data section (truncated file?)");
        }
        if (offsets[1] - offsets[0] != 4 * count) {
            throw new BundleException(where + " has shape " + Arrays.toString(shape) + " (" + 4 * count
                    + " bytes) but data_offsets span " + (offsets[1] - offsets[0]) + " bytes");
        }
        return new Entry(tensor, shape, offsets[0], offsets[1]);
    }

    private static long[] longs(String where, String field, JsonElement value, int expectedLength) throws BundleException {
        if (value == null || !value.isJsonArray()) {
            throw new BundleException(where + " has no " + field + " array");
        }
        JsonArray a = value.getAsJsonArray();
        if (expectedLength >= 0 && a.size() != expectedLength) {
            throw new BundleException(where + ": " + field + " must have " + expectedLength + " entries, has " + a.size());
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement x = a.get(i);
            long v;
            try {
                // written as an integer: 128.0 or 1.28e2 is not what any safetensors writer emits
                BigInteger integer = StrictJson.integer(x);
                if (integer == null) {
                    throw new ArithmeticException();
                }
                v = integer.longValueExact();
            } catch (ArithmeticException e) {
                throw new BundleException(where + ": " + field + " entry " + StrictJson.quote(x)
                        + " is not an integer in the range of a 64-bit size");
            }
            if (v < 0) {
                throw new BundleException(where + ": " + field + " entry " + v + " is negative");
            }
            out[i] = v;
        }
        return out;
    }

    /** The tensors must tile the data section exactly, as the reference implementation requires. */
    private static void checkLayout(String name, List<Entry> entries, long dataBytes) throws BundleException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        for (Entry e : sorted) {
            if (e.begin != expected) {
                throw new BundleException(name + ": tensor " + StrictJson.quote(e.name) + " starts at byte " + e.begin
                        + " of the data, expected " + expected + " (overlapping or gapped tensors)");
            }
            expected = e.end;
        }
        if (expected != dataBytes) {
            throw new BundleException(name + ": tensors cover " + expected + " data bytes but the file has "
                    + dataBytes + " (truncated or padded file)");
        }
    }
}
