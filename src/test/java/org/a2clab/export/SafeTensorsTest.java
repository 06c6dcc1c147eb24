package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeTensorsTest {
    private static final String TINY_HEADER =
            "{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[8,12]}}";

    private static Map<String, F32Tensor> tiny() {
        Map<String, F32Tensor> t = new LinkedHashMap<>();
        t.put("a", new F32Tensor(new long[] {2}, new float[] {1.0f, -2.0f}));
        t.put("b", new F32Tensor(new long[] {1, 1}, new float[] {0.5f}));
        return t;
    }

    /** The expected file, built by hand: length, header padded with spaces to 8, LE floats. */
    @Test
    void writerMatchesHandBuiltBytes() {
        byte[] json = TINY_HEADER.getBytes(StandardCharsets.US_ASCII);
        int padded = (json.length + 7) / 8 * 8;
        byte[] expected = new byte[8 + padded + 12];
        long n = padded;
        for (int i = 0; i < 8; i++) {
            expected[i] = (byte) (n >>> (8 * i));
        }
        System.arraycopy(json, 0, expected, 8, json.length);
        for (int i = 8 + json.length; i < 8 + padded; i++) {
            expected[i] = ' ';
        }
        int d = 8 + padded;
        // 1.0f = 0x3F800000, -2.0f = 0xC0000000, 0.5f = 0x3F000000, little-endian
        byte[] data = {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0x3F};
        System.arraycopy(data, 0, expected, d, data.length);

        byte[] actual = SafeTensors.encode(tiny(), Map.of("k", "v"));
        assertEquals(0, (8 + padded) % 8, "data must start 8-byte aligned");
        assertArrayEquals(expected, actual);
    }

    @Test
    void readerRoundTrip() throws BundleException {
        SafeTensors.Contents c = SafeTensors.decode("t", ByteBuffer.wrap(SafeTensors.encode(tiny(), Map.of("k", "v"))));
        assertEquals(List.of("a", "b"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new long[] {2}, c.tensors().get("a").shape());
        assertArrayEquals(new float[] {1.0f, -2.0f}, c.tensors().get("a").data());
        assertArrayEquals(new long[] {1, 1}, c.tensors().get("b").shape());
        assertArrayEquals(new float[] {0.5f}, c.tensors().get("b").data());
        assertEquals(Map.of("k", "v"), c.metadata());
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    private static String failure(byte[] bytes) {
        return assertThrows(BundleException.class, () -> SafeTensors.decode("m.safetensors", ByteBuffer.wrap(bytes)))
                .getMessage();
    }

    @Test
    void refusesFileShorterThanTheLengthField() {
        assertTrue(failure(new byte[5]).contains("truncated"), failure(new byte[5]));
    }

    @Test
    void refusesHeaderLengthBeyondTheFileWithoutAllocatingIt() {
        byte[] f = SafeTensors.encode(tiny(), Map.of());
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE);
        String m = failure(f);
        assertTrue(m.contains("header length") && m.contains("does not fit"), m);
    }

    @Test
    void refusesTruncatedData() {
        byte[] f = SafeTensors.encode(tiny(), Map.of());
        byte[] cut = java.util.Arrays.copyOf(f, f.length - 4);
        String m = failure(cut);
        assertTrue(m.contains("tensor 'b'") && m.contains("outside"), m);
    }

    @Test
    void refusesHeaderThatIsNotJson() {
        String m = failure(file("{\"a\": [1, 2", 0));
        assertTrue(m.contains("not valid JSON"), m);
        // Gson alone would accept unquoted names; the reader must not.
        String lenient = failure(file("{a:{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0));
        assertTrue(lenient.contains("not valid JSON"), lenient);
    }

    @Test
    void refusesOtherDtypes() {
        String m = failure(file("{\"a\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4));
        assertTrue(m.contains("dtype F16") && m.contains("only F32"), m);
    }

    @Test
    void refusesShapeThatDisagreesWithOffsets() {
        String m = failure(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 16));
        assertTrue(m.contains("data_offsets span 8 bytes"), m);
    }

    @Test
    void refusesHugeShapeBeforeAllocating() {
        String m = failure(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", 8));
        assertTrue(m.contains("more values than"), m);
    }

    @Test
    void refusesOverlappingTensorsAndTrailingBytes() {
        String overlap = failure(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8));
        assertTrue(overlap.contains("overlapping"), overlap);
        String trailing = failure(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8));
        assertTrue(trailing.contains("cover 4 data bytes"), trailing);
    }
}
