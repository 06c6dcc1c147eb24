package org.a2clab.export;

import org.a2clab.io.AtomicDirectory;
import ai.djl.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;

/**
 * A trained model on disk: a directory with {@code manifest.json}, DJL parameters
 * ({@code actor-critic-0000.params}), {@code model.safetensors} for PyTorch, and optionally the
 * metrics CSVs; or a .zip of those files. Saving and loading touch the network, so call them on
 * the thread that owns it (after {@code DjlRuntime.prepareTrainingThread()}).
 */
public final class ModelBundle {
    public static final String PARAMS_NAME = "actor-critic";
    public static final String PARAMS_FILE = PARAMS_NAME + "-0000.params";
    public static final String SAFETENSORS_FILE = "model.safetensors";
    public static final String MANIFEST_FILE = Manifest.FILE;

    private ModelBundle() {
    }

    /** Saves without metrics CSVs. */
    public static void save(Path dir, ActorCritic net, TrainingResult result) throws BundleException {
        save(dir, net, result, null, Map.of());
    }

    /** Saves with metrics CSVs (null: none) and no extra files. */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics)
            throws BundleException {
        save(dir, net, result, metrics, Map.of());
    }

    /**
     * Writes the bundle into a temporary sibling directory and renames it into place, so a failed
     * or interrupted save never damages an existing bundle at {@code dir}. {@code metrics} may be
     * null (no CSVs); {@code extraFiles} (plain file name → bytes, e.g. chart images) go in with
     * the rest. Refuses to replace a directory that is neither empty nor a bundle.
     */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles) throws BundleException {
        save(dir, net, result, metrics, extraFiles, Checkpoint.FINAL_UNEVALUATED);
    }

    /** As above, with the manifest saying which checkpoint (final or best) the weights are. */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles, Checkpoint checkpoint) throws BundleException {
        if (net.hiddenSize() != result.hp().hiddenSize()) {
            throw new IllegalArgumentException("network hidden size " + net.hiddenSize()
                    + " differs from the hyperparameters' " + result.hp().hiddenSize());
        }
        Path target = dir.toAbsolutePath().normalize();
        checkSaveTarget(target);
        Path temp;
        try {
            temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp");
        } catch (IOException e) {
            throw new BundleException("cannot write to " + target.getParent() + ": " + describe(e), e);
        }
        try {
            net.model().save(temp, PARAMS_NAME);
            if (!Files.isRegularFile(temp.resolve(PARAMS_FILE))) {
                throw new IOException("DJL did not write " + PARAMS_FILE);
            }
            Files.write(temp.resolve(SAFETENSORS_FILE), SafeTensors.encode(StateDict.of(net), safetensorsMetadata(net)));
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, net.hiddenSize(), result,
                    Versions.current(), Instant.now(), checkpoint);
            Files.writeString(temp.resolve(MANIFEST_FILE), manifest.toJson(), StandardCharsets.UTF_8);
            if (metrics != null) {
                MetricsCsv.write(temp, metrics);
            }
            for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
                Path file = temp.resolve(extra.getKey()).normalize();
                if (!file.getParent().equals(temp)) {
                    throw new IllegalArgumentException("extra file name must be a plain name: " + extra.getKey());
                }
                Files.write(file, extra.getValue());
            }
            AtomicDirectory.replace(temp, target);
        } catch (IOException e) {
            throw new BundleException("could not save the model bundle to " + target + ": " + describe(e), e);
        } finally {
            try {
                AtomicDirectory.deleteRecursively(temp);
            } catch (IOException e) {
                // Only a stray hidden temp directory is left; the bundle itself is complete or untouched.
            }
        }
    }

    private static Map<String, String> safetensorsMetadata(ActorCritic net) {
        Map<String, String> m = new LinkedHashMap<>();
        // "pt" is what safetensors.torch.save_file writes; some loaders check it.
        m.put("format", "pt");
        m.put("producer", "A2C Lab");
        m.put("hidden_size", Integer.toString(net.hiddenSize()));
        return m;
    }

    /**
     * Fails unless a bundle can be saved at {@code target}: its parent is a writable directory and
     * it does not exist, is empty, or is a bundle. Lets callers refuse before a long training run.
     */
    public static void checkSaveTarget(Path dir) throws BundleException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BundleException("cannot save to " + target + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new BundleException("cannot save to " + target + ": directory " + parent + " is not writable");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new BundleException("cannot save to " + target + ": it is a file, not a directory");
            }
            if (!isEmpty(target) && !Files.isRegularFile(target.resolve(MANIFEST_FILE))) {
                throw new BundleException("cannot save to " + target + ": it is a non-empty directory "
                        + "that is not a model bundle; choose a new or empty directory");
            }
        }
    }

    /** As {@link #load(Path, Device)} on the device a choice resolves to (see DjlRuntime). */
    public static LoadedModel load(Path path, DeviceChoice device) throws BundleException {
        return load(path, DjlRuntime.resolve(device));
    }

    /**
     * Reads a bundle directory or a .zip of one and checks everything before any of it is used:
     * manifest, safetensors header and shapes, and that the DJL parameters agree byte for byte.
     * Nothing from the files is executed. The network is created on {@code device}.
     */
    public static LoadedModel load(Path path, Device device) throws BundleException {
        if (!Files.exists(path)) {
            throw new BundleException("no model bundle at " + path + ": it does not exist");
        }
        if (Files.isRegularFile(path)) {
            return loadZip(path, device);
        }
        if (!Files.isDirectory(path)) {
            throw new BundleException(path + " is neither a bundle directory nor a .zip file");
        }
        try {
            return BundleReader.read(path, device);
        } catch (IOException e) {
            throw new BundleException("could not read the model bundle " + path + ": " + describe(e), e);
        }
    }

    private static LoadedModel loadZip(Path zipFile, Device device) throws BundleException {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("a2c-lab-bundle");
            BundleZip.unpack(zipFile, temp);
            return BundleReader.read(temp, device);
        } catch (IOException e) {
            throw new BundleException("could not read " + zipFile + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    AtomicDirectory.deleteRecursively(temp);
                } catch (IOException e) {
                    // A leftover copy in the system temp directory; the load result is unaffected.
                }
            }
        }
    }

    /** Packs a bundle directory into one .zip, written to a temp file and renamed into place. */
    public static void zip(Path bundleDir, Path zipFile) throws BundleException {
        for (String required : new String[] {MANIFEST_FILE, SAFETENSORS_FILE, PARAMS_FILE}) {
            if (!Files.isRegularFile(bundleDir.resolve(required))) {
                throw new BundleException(bundleDir + " is not a model bundle: " + required + " is missing");
            }
        }
        Path parent = zipFile.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BundleException("cannot write " + zipFile + ": directory " + parent
                    + " does not exist or is not writable");
        }
        try {
            BundleZip.pack(bundleDir, zipFile);
        } catch (IOException e) {
            throw new BundleException("could not write " + zipFile + ": " + describe(e), e);
        }
    }

    static boolean isEmpty(Path dir) throws BundleException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new BundleException("cannot list " + dir + ": " + describe(e), e);
        }
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
