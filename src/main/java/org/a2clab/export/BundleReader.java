package org.a2clab.export;

import org.a2clab.io.AtomicDirectory;
import ai.djl.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.a2clab.agent.ActorCritic;

/**
 * Reads a bundle directory, checking each file before the next one is trusted. The values come
 * from our own safetensors reader; DJL's parameter file is never decoded (DJL's decoder would
 * allocate whatever lengths the file claims) but must equal, byte for byte, what DJL writes for
 * those values: that proves both files hold the same network of the manifest's architecture.
 */
final class BundleReader {
    /** A manifest is a few kilobytes; anything far larger is not one and is not read. */
    private static final long MAX_MANIFEST_BYTES = 1L << 20;

    private BundleReader() {
    }

    static LoadedModel read(Path dir, Device device) throws BundleException, IOException {
        if (ModelBundle.isEmpty(dir)) {
            throw new BundleException(dir + " is empty: a model bundle holds " + ModelBundle.MANIFEST_FILE
                    + ", " + ModelBundle.SAFETENSORS_FILE + " and " + ModelBundle.PARAMS_FILE);
        }
        for (String required : new String[] {ModelBundle.MANIFEST_FILE, ModelBundle.SAFETENSORS_FILE,
                ModelBundle.PARAMS_FILE}) {
            if (!Files.isRegularFile(dir.resolve(required))) {
                throw new BundleException(dir + " is not a complete model bundle: " + required + " is missing");
            }
        }
        Manifest manifest = readManifest(dir.resolve(ModelBundle.MANIFEST_FILE));
        int hidden = manifest.hiddenSize();
        Map<String, F32Tensor> tensors = SafeTensors.read(dir.resolve(ModelBundle.SAFETENSORS_FILE)).tensors();
        StateDict.check(ModelBundle.SAFETENSORS_FILE, tensors, hidden);

        ActorCritic net = new ActorCritic(hidden, manifest.training().hp().seed(), device);
        try {
            StateDict.copyInto(tensors, net);
            checkDjlParameters(dir.resolve(ModelBundle.PARAMS_FILE), net);
            return new LoadedModel(net, manifest);
        } catch (BundleException | IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private static Manifest readManifest(Path file) throws BundleException, IOException {
        long size = Files.size(file);
        if (size > MAX_MANIFEST_BYTES) {
            throw new BundleException(ModelBundle.MANIFEST_FILE + " is " + size + " bytes; a manifest is a few kilobytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException(ModelBundle.MANIFEST_FILE + " is not valid UTF-8 text");
        }
        return Manifest.parse(text);
    }

    private static void checkDjlParameters(Path file, ActorCritic net) throws BundleException, IOException {
        byte[] expected = djlParameters(net);
        long size = Files.size(file);
        if (size != expected.length) {
            throw new BundleException(ModelBundle.PARAMS_FILE + " is " + size + " bytes, but DJL parameters of the "
                    + "manifest's architecture (hidden size " + net.hiddenSize() + ") are " + expected.length
                    + " bytes: the file is truncated or belongs to another architecture");
        }
        byte[] actual = Files.readAllBytes(file);
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != expected[i]) {
                throw new BundleException(ModelBundle.PARAMS_FILE + " differs from " + ModelBundle.SAFETENSORS_FILE
                        + " (first difference at byte " + i + "): the two files do not hold the same network");
            }
        }
    }

    /** What DJL writes for {@code net}, via a scratch directory. */
    static byte[] djlParameters(ActorCritic net) throws IOException {
        Path scratch = Files.createTempDirectory("a2c-lab-params");
        try {
            net.model().save(scratch, ModelBundle.PARAMS_NAME);
            return Files.readAllBytes(scratch.resolve(ModelBundle.PARAMS_FILE));
        } finally {
            AtomicDirectory.deleteRecursively(scratch);
        }
    }
}
