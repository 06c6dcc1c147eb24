package org.a2clab.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-side protobuf wire-format decoder, written from the format's description and independent
 * of the exporter's writer: a message as field number → values (varints as Long, length-delimited
 * fields as byte[]), so tests can read an ONNX file's ModelProto by field numbers.
 */
final class ProtoFields {
    private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();

    private ProtoFields() {
    }

    static ProtoFields parse(byte[] bytes) {
        ProtoFields m = new ProtoFields();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            long tag = varint(in);
            int field = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            Object value;
            switch (wireType) {
                case 0:
                    value = varint(in);
                    break;
                case 1:
                    value = in.getLong();
                    break;
                case 2:
                    byte[] b = new byte[Math.toIntExact(varint(in))];
                    in.get(b);
                    value = b;
                    break;
                case 5:
                    value = in.getInt();
                    break;
                default:
                    throw new IllegalArgumentException("wire type " + wireType + " of field " + field);
            }
            m.fields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
        }
        return m;
    }

    private static long varint(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.get() & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    List<Object> all(int field) {
        return fields.getOrDefault(field, List.of());
    }

    long integer(int field) {
        return (Long) single(field);
    }

    String string(int field) {
        return new String((byte[]) single(field), StandardCharsets.UTF_8);
    }

    byte[] bytes(int field) {
        return (byte[]) single(field);
    }

    ProtoFields message(int field) {
        return parse(bytes(field));
    }

    List<ProtoFields> messages(int field) {
        List<ProtoFields> out = new ArrayList<>();
        for (Object o : all(field)) {
            out.add(parse((byte[]) o));
        }
        return out;
    }

    List<String> strings(int field) {
        List<String> out = new ArrayList<>();
        for (Object o : all(field)) {
            out.add(new String((byte[]) o, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A packed repeated varint field (one length-delimited value holding the varints). */
    List<Long> packedIntegers(int field) {
        List<Long> out = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes(field));
        while (in.hasRemaining()) {
            out.add(varint(in));
        }
        return out;
    }

    boolean has(int field) {
        return fields.containsKey(field);
    }

    private Object single(int field) {
        List<Object> v = all(field);
        if (v.size() != 1) {
            throw new IllegalArgumentException("field " + field + " occurs " + v.size() + " times");
        }
        return v.get(0);
    }
}
