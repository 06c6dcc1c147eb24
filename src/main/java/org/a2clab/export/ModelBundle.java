package org.a2clab.export;

import org.a2clab.io.AtomicDirectory;
import org.a2clab.io.AtomicFiles;
import ai.djl.Device;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;

/**
 * A trained model on disk: a directory with {@code manifest.json}, DJL parameters
 * ({@code actor-critic-0000.params}), {@code model.safetensors} for PyTorch, {@code model.onnx}
 * for ONNX runtimes, and optionally the metrics CSVs; or a .zip of those files. Saving and loading
 * touch the network, so call them on the thread that owns it (after
 * {@code DjlRuntime.prepareTrainingThread()}).
 */
public final class ModelBundle {
    public static final String PARAMS_NAME = "actor-critic";
    public static final String PARAMS_FILE = PARAMS_NAME + "-0000.params";
    public static final String SAFETENSORS_FILE = "model.safetensors";
    /** The same network for ONNX runtimes; written on save, not needed to load. */
    public static final String ONNX_FILE = "model.onnx";
    public static final String MANIFEST_FILE = Manifest.FILE;
    /** The best-evaluated checkpoint, itself a bundle, inside the final one ({@code train --save DIR}). */
    public static final String BEST_DIR = "best";
    private static final Map<Path, Object> SAVE_LOCKS = new ConcurrentHashMap<>();

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
     * or interrupted save never damages an existing bundle at {@code dir}; an existing {@code dir}
     * (empty, or a bundle) hands its mode, owner and group on to the new one, so the folder the
     * user chose keeps its access (see {@link AtomicDirectory#replace}). {@code metrics} may be
     * null (no CSVs); {@code extraFiles} (chart image name such as chart-x.png → bytes) go in with
     * the rest. Refuses, before writing anything, a target that {@link #checkSaveTarget} refuses.
     */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles) throws BundleException {
        save(dir, net, result, metrics, extraFiles, Checkpoint.FINAL_UNEVALUATED);
    }

    /** As above, with the manifest saying which checkpoint (final or best) the weights are. */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles, Checkpoint checkpoint) throws BundleException {
        save(dir, net, result, metrics, extraFiles, checkpoint, null);
    }

    /** The best-evaluated network, saved as the {@link #BEST_DIR} bundle inside the final one. */
    public record Best(ActorCritic network, Checkpoint checkpoint) {
    }

    /**
     * As above, with {@code best} (null: none) written into {@link #BEST_DIR} of the same
     * temporary directory: the final and best bundles are put in place by one rename, so a kill
     * leaves the old pair or the new pair, never one without the other.
     */
    public static void save(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles, Checkpoint checkpoint, Best best) throws BundleException {
        // saves to one directory from this process take turns; other processes are told apart by
        // their process id in the hidden names (see AtomicDirectory)
        Object lock = SAVE_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object());
        synchronized (lock) {
            saveLocked(dir, net, result, metrics, extraFiles, checkpoint, best);
        }
    }

    private static void checkMatches(ActorCritic net, TrainingResult result) {
        if (net.hiddenSize() != result.hp().hiddenSize()) {
            throw new IllegalArgumentException("network hidden size " + net.hiddenSize()
                    + " differs from the hyperparameters' " + result.hp().hiddenSize());
        }
        if (net.policy() != result.hp().policy()) {
            throw new IllegalArgumentException("network has a " + net.policy().label()
                    + " policy but the hyperparameters say " + result.hp().policy().label());
        }
    }

    private static void saveLocked(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles, Checkpoint checkpoint, Best best) throws BundleException {
        checkMatches(net, result);
        if (best != null) {
            checkMatches(best.network(), result);
        }
        for (String name : extraFiles.keySet()) {
            if (!BundleDirectory.CHART_IMAGE.matcher(name).matches()) {
                throw new IllegalArgumentException("extra file name must be a chart image name such as "
                        + "chart-episode-return.png: " + name);
            }
        }
        Path target = dir.toAbsolutePath().normalize();
        recoverInterruptedSave(target);
        checkSaveTarget(target);
        Path temp;
        try {
            temp = AtomicDirectory.createTempSibling(target);
        } catch (IOException e) {
            throw new BundleException("cannot write to " + target.getParent() + ": " + describe(e), e);
        }
        try {
            writeFiles(temp, net, result, metrics, extraFiles, checkpoint);
            if (best != null) {
                writeFiles(Files.createDirectory(temp.resolve(BEST_DIR)), best.network(), result, null, Map.of(),
                        best.checkpoint());
            }
            // checked again: the target may have changed during a long training run
            checkSaveTarget(target);
            AtomicDirectory.replace(temp, target);
        } catch (IOException e) {
            throw new BundleException("could not save the model bundle to " + target + ": " + describe(e), e);
        } finally {
            try {
                AtomicDirectory.deleteRecursively(temp);
            } catch (IOException e) {
                // Only a stray hidden temp directory is left; the next save or load removes it.
            }
        }
    }

    /** Writes one bundle's files into the empty directory {@code dir}. */
    private static void writeFiles(Path dir, ActorCritic net, TrainingResult result, MetricsLog metrics,
            Map<String, byte[]> extraFiles, Checkpoint checkpoint) throws IOException {
        net.model().save(dir, PARAMS_NAME);
        if (!Files.isRegularFile(dir.resolve(PARAMS_FILE))) {
            throw new IOException("DJL did not write " + PARAMS_FILE);
        }
        Map<String, F32Tensor> tensors = StateDict.of(net);
        Files.write(dir.resolve(SAFETENSORS_FILE), SafeTensors.encode(tensors, safetensorsMetadata(net)));
        Files.write(dir.resolve(ONNX_FILE), OnnxExport.encode(tensors, net.policy(), net.hiddenSize()));
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, net.hiddenSize(), result,
                Versions.current(), Instant.now(), checkpoint);
        Files.writeString(dir.resolve(MANIFEST_FILE), manifest.toJson(), StandardCharsets.UTF_8);
        if (metrics != null) {
            MetricsCsv.write(dir, metrics);
        }
        for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
            Files.write(dir.resolve(extra.getKey()), extra.getValue());
        }
    }

    private static Map<String, String> safetensorsMetadata(ActorCritic net) {
        Map<String, String> m = new LinkedHashMap<>();
        // "pt" is what safetensors.torch.save_file writes; some loaders check it.
        m.put("format", "pt");
        m.put("producer", "A2C Lab");
        m.put("hidden_size", Integer.toString(net.hiddenSize()));
        m.put("policy", net.policy().label());
        return m;
    }

    /**
     * Fails unless a bundle can be saved at {@code dir}: its parent is a writable directory and
     * it does not exist, is an empty directory, or is an A2C Lab bundle (its manifest parses as
     * ours) holding nothing but bundle files. Lets callers refuse before a long training run.
     */
    public static void checkSaveTarget(Path dir) throws BundleException {
        BundleDirectory.checkSaveTarget(dir);
    }

    /** True for the names of the files a save writes into a bundle. */
    public static boolean isBundleFile(String name) {
        return BundleDirectory.isBundleFile(name);
    }

    /**
     * Repairs what a save killed mid-way left next to {@code dir} (the previous bundle put back,
     * leftovers removed); returns what it did, one sentence each. Saves and loads call it too.
     */
    public static List<String> recoverInterruptedSave(Path dir) {
        return BundleDirectory.recoverInterruptedSave(dir);
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
        recoverInterruptedSave(path);
        try {
            return loadChecked(path, device);
        } catch (StackOverflowError e) {
            throw new BundleException("could not read " + path + ": its data is nested too deeply to be a model bundle");
        } catch (OutOfMemoryError e) {
            throw new BundleException("could not read " + path + ": it needs more memory than this app has, "
                    + "far more than a model bundle needs");
        }
    }

    private static LoadedModel loadChecked(Path path, Device device) throws BundleException {
        if (!Files.exists(path) && !BundleSnapshot.appearsAfterSwap(path)) {
            throw new BundleException("no model bundle at " + path + ": it does not exist");
        }
        if (Files.isRegularFile(path)) {
            return loadZip(path, device);
        }
        if (!Files.isDirectory(path)) {
            throw new BundleException(path + " is " + AtomicFiles.what(path)
                    + ", neither a bundle directory nor a .zip file");
        }
        try {
            return BundleReader.read(path, device, path.toString());
        } catch (IOException e) {
            throw new BundleException("could not read the model bundle " + path + ": " + describe(e), e);
        }
    }

    private static LoadedModel loadZip(Path zipFile, Device device) throws BundleException {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("a2c-lab-bundle");
            BundleZip.unpack(zipFile, temp);
            return BundleReader.read(temp, device, zipFile.toString());
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

    /**
     * Packs a bundle directory into one .zip, written to a temp file and renamed into place. The
     * bundle is checked as a load checks it, from the very bytes that go into the .zip, before it
     * is put in place (see {@link BundleSnapshot}: a save swapping the bundle meanwhile makes it
     * read again). Only the bundle's own files go in (never other files, links, or the .zip
     * itself), so the result is always one that {@link #load} accepts. An existing
     * {@code zipFile} is replaced only if it is a regular file. Call it as {@link #load}.
     */
    public static void zip(Path bundleDir, Path zipFile) throws BundleException {
        Path parent = zipFile.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BundleException("cannot write " + zipFile + ": directory " + parent
                    + " does not exist or is not writable");
        }
        String shownAs = bundleDir.toString();
        Device cpu = DjlRuntime.resolve(DeviceChoice.CPU);
        try {
            AtomicFiles.checkReplaceable(zipFile);
            BundleSnapshot.consistently(bundleDir, shownAs, unchanged -> {
                AtomicFiles.write(zipFile, temp -> {
                    try {
                        Map<String, byte[]> files = BundleSnapshot.required(bundleDir, shownAs);
                        try (OutputStream out = Files.newOutputStream(temp)) {
                            BundleZip.pack(bundleDir, files, out);
                        }
                        unchanged.check();
                        BundleReader.fromBytes(files, cpu).close();
                    } catch (BundleException e) {
                        throw new Refused(e);
                    }
                });
                return null;
            });
        } catch (Refused e) {
            throw new BundleException("cannot write " + zipFile + ": " + e.getCause().getMessage(), e.getCause());
        } catch (BundleException e) {
            throw new BundleException("cannot write " + zipFile + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            String gone = e.getFile() == null ? describe(e)
                    : BundleSnapshot.disappeared(Path.of(e.getFile()), shownAs, e).getMessage();
            throw new BundleException("cannot write " + zipFile + ": " + gone, e);
        } catch (FileSystemException e) {
            throw new BundleException("cannot write " + zipFile + ": "
                    + (e.getReason() != null ? e.getReason() : describe(e)), e);
        } catch (IOException e) {
            throw new BundleException("could not write " + zipFile + ": " + describe(e), e);
        }
    }

    /** A bundle refused while its .zip is written, carried through the writer's IOException. */
    private static final class Refused extends IOException {
        Refused(BundleException cause) {
            super(cause.getMessage(), cause);
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
