package org.a2clab.export.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A float32 ONNX graph built node by node and encoded as a {@code ModelProto} (field numbers of
 * onnx/onnx.proto). It knows nothing of the network it describes, so another policy head (e.g. a
 * Gaussian one) is only more calls to {@link #node}, {@link #initializer} and {@link #output}.
 */
public final class OnnxGraph {
    /** onnx.proto TensorProto.DataType.FLOAT. */
    private static final int FLOAT = 1;
    /** onnx.proto AttributeProto.AttributeType.INT. */
    private static final int ATTRIBUTE_INT = 2;

    /** One dimension of a declared shape: a fixed size, or a named one the caller chooses (a batch). */
    public record Dim(long value, String param) {
        public static Dim of(long value) {
            return new Dim(value, null);
        }

        public static Dim named(String param) {
            return new Dim(-1, param);
        }
    }

    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();

    public OnnxGraph(String name) {
        this.name = name;
    }

    /** Declares a float32 graph input. */
    public OnnxGraph input(String valueName, Dim... shape) {
        inputs.add(valueInfo(valueName, shape));
        return this;
    }

    /** Declares a float32 graph output; some node must produce {@code valueName}. */
    public OnnxGraph output(String valueName, Dim... shape) {
        outputs.add(valueInfo(valueName, shape));
        return this;
    }

    /** A constant float32 tensor (row-major {@code values}), stored little-endian as raw data. */
    public String initializer(String valueName, long[] shape, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(new ProtoWriter()
                .packedVarints(1, shape)
                .varint(2, FLOAT)
                .string(8, valueName)
                .bytes(9, raw.array()));
        return valueName;
    }

    /**
     * Adds a node of the default (ai.onnx) domain with integer attributes; named after its single
     * output, which it returns so calls can be chained into a data flow.
     */
    public String node(String opType, List<String> nodeInputs, String output, Map<String, Long> intAttributes) {
        ProtoWriter node = new ProtoWriter();
        for (String in : nodeInputs) {
            node.string(1, in);
        }
        node.string(2, output).string(3, output).string(4, opType);
        intAttributes.forEach((key, value) -> node.message(5, new ProtoWriter()
                .string(1, key)
                .varint(3, value)
                .varint(20, ATTRIBUTE_INT)));
        nodes.add(node);
        return output;
    }

    /**
     * The whole model file: IR version, one opset import of the default domain, producer, graph
     * and {@code metadata} (string pairs that ONNX Runtime shows as custom metadata).
     */
    public byte[] toModel(long irVersion, long opset, String producer, String producerVersion, String docString,
            Map<String, String> metadata) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        graph.string(10, docString);
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));

        ProtoWriter model = new ProtoWriter()
                .varint(1, irVersion)
                .string(2, producer)
                .string(3, producerVersion)
                .string(6, docString)
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset));
        metadata.forEach((key, value) -> model.message(14, new ProtoWriter().string(1, key).string(2, value)));
        return model.toByteArray();
    }

    private static ProtoWriter valueInfo(String valueName, Dim... shape) {
        ProtoWriter dims = new ProtoWriter();
        for (Dim d : shape) {
            dims.message(1, d.param() == null ? new ProtoWriter().varint(1, d.value())
                    : new ProtoWriter().string(2, d.param()));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, dims);
        return new ProtoWriter()
                .string(1, valueName)
                .message(2, new ProtoWriter().message(1, tensorType));
    }
}
