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
import org.a2clab.train.Hyperparameters;

/**
 * Reads a bundle directory, checking each file before the next one is trusted. The values come
 * from our own safetensors reader; DJL's parameter file is never decoded (DJL's decoder would
 * allocate whatever lengths the file claims) but must equal, byte for byte, what DJL writes for
 * those values: that proves both files hold the same network of the manifest's architecture.
 */
final class BundleReader {
    /** A manifest is about a kilobyte; anything far larger is not one and is not read. */
    static final int MAX_MANIFEST_BYTES = 64 << 10;

    private BundleReader() {
    }

    /**
     * Reads the bundle in {@code dir}; messages name {@code shownAs}, the path the user gave (a
     * .zip unpacked into a temporary directory is named as the .zip). The files are read once,
     * together (see {@link BundleSnapshot}), and checked from those bytes.
     */
    static LoadedModel read(Path dir, Device device, String shownAs) throws BundleException, IOException {
        Map<String, byte[]> files = BundleSnapshot.consistently(dir, shownAs, unchanged -> {
            if (ModelBundle.isEmpty(dir)) {
                throw new BundleException(shownAs + " is empty: a model bundle holds " + ModelBundle.MANIFEST_FILE
                        + ", " + ModelBundle.SAFETENSORS_FILE + " and " + ModelBundle.PARAMS_FILE);
            }
            Map<String, byte[]> read = BundleSnapshot.required(dir, shownAs);
            unchanged.check();
            return read;
        });
        return fromBytes(files, device);
    }

    /** Checks the {@link BundleSnapshot#REQUIRED} files' bytes and builds the network they hold. */
    static LoadedModel fromBytes(Map<String, byte[]> files, Device device) throws BundleException, IOException {
        Manifest manifest = parseManifest(files.get(ModelBundle.MANIFEST_FILE));
        int hidden = manifest.hiddenSize();
        byte[] st = files.get(ModelBundle.SAFETENSORS_FILE);
        if (st.length > SafeTensors.MAX_FILE_BYTES) {
            throw new BundleException(ModelBundle.SAFETENSORS_FILE + " is more than " + SafeTensors.MAX_FILE_BYTES
                    + " bytes, more than this app accepts");
        }
        Map<String, F32Tensor> tensors = SafeTensors.decode(ModelBundle.SAFETENSORS_FILE, ByteBuffer.wrap(st)).tensors();
        Hyperparameters hp = manifest.training().hp();
        StateDict.check(ModelBundle.SAFETENSORS_FILE, tensors, hp.policy(), hidden);

        ActorCritic net = new ActorCritic(hp.policy(), hidden, hp.seed(), device, hp.initialLogStd());
        try {
            StateDict.copyInto(tensors, net);
            checkDjlParameters(files.get(ModelBundle.PARAMS_FILE), net);
            return new LoadedModel(net, manifest);
        } catch (BundleException | IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    static Manifest readManifest(Path file) throws BundleException, IOException {
        return parseManifest(BundleSnapshot.read(file, file.getParent().toString(), MAX_MANIFEST_BYTES));
    }

    private static Manifest parseManifest(byte[] bytes) throws BundleException {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new BundleException(ModelBundle.MANIFEST_FILE + " is more than " + MAX_MANIFEST_BYTES
                    + " bytes; a manifest is about a kilobyte");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException(ModelBundle.MANIFEST_FILE + " is not valid UTF-8 text");
        }
        return Manifest.parse(text);
    }

    private static void checkDjlParameters(byte[] actual, ActorCritic net) throws BundleException, IOException {
        byte[] expected = djlParameters(net);
        if (actual.length != expected.length) {
            String size = actual.length > expected.length ? "more than " + expected.length : String.valueOf(actual.length);
            throw new BundleException(ModelBundle.PARAMS_FILE + " is " + size + " bytes, but DJL parameters of the manifest's architecture (hidden size "
                    + net.hiddenSize() + ") are " + expected.length
                    + " bytes: the file is truncated or belongs to another architecture");
        }
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
