package org.a2clab.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.io.AtomicDirectory;
import org.a2clab.io.AtomicFiles;

/**
 * What may be replaced by a save, and the repair after a save that was killed: a bundle
 * directory is replaced whole, so only one that holds nothing but A2C Lab's own files is.
 */
final class BundleDirectory {
    private static final Set<String> FIXED_FILES = Set.of(ModelBundle.MANIFEST_FILE, ModelBundle.SAFETENSORS_FILE,
            ModelBundle.PARAMS_FILE, ModelBundle.ONNX_FILE, MetricsCsv.UPDATES_FILE, MetricsCsv.EPISODES_FILE);
    /** Chart images the app adds to a bundle, e.g. chart-episode-return.png. */
    static final Pattern CHART_IMAGE = Pattern.compile("charts?(-[a-z0-9]+)*\\.png");

    private BundleDirectory() {
    }

    /**
     * Fails unless a bundle can be saved at {@code dir}: its parent is a writable directory and
     * it does not exist, is an empty directory, or is an A2C Lab bundle (its manifest parses as
     * ours) holding nothing but bundle files. Anything else may hold the user's own files, and a
     * save replaces the directory whole. Lets callers refuse before a long training run.
     */
    static void checkSaveTarget(Path dir) throws BundleException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BundleException("cannot save to " + target + ": directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw new BundleException("cannot save to " + target + ": directory " + parent + " is not writable");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException("cannot save to " + target + ": " + AtomicFiles.kind(target)
                    + ", not a directory");
        }
        String foreign;
        try {
            foreign = foreignEntry(target, false);
            if (foreign == null && ModelBundle.isEmpty(target)) {
                return;
            }
        } catch (BundleException e) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return; // renamed away while listing
            }
            throw e;
        }
        String refusal = "cannot save to " + target + ": ";
        String advice = "; A2C Lab replaces only a directory that holds nothing but its own model bundle. "
                + "Choose a new or empty directory";
        if (foreign != null) {
            throw new BundleException(refusal + "it holds " + foreign + advice);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return; // another save is swapping it right now: nothing there to protect
        }
        Path manifest = target.resolve(ModelBundle.MANIFEST_FILE);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException(refusal + "it is a non-empty directory that is not a model bundle ("
                    + ModelBundle.MANIFEST_FILE + " is missing)" + advice);
        }
        try {
            BundleReader.readManifest(manifest);
        } catch (BundleException | IOException e) {
            throw new BundleException(refusal + "it is not an A2C Lab model bundle (" + e.getMessage() + ")" + advice, e);
        }
    }

    /** True for the names of the files a save writes into a bundle. */
    static boolean isBundleFile(String name) {
        return FIXED_FILES.contains(name) || CHART_IMAGE.matcher(name).matches();
    }

    /**
     * The first entry of {@code dir} (in name order) that is not a regular file with a bundle
     * file's name, nor (unless {@code nested}) the {@link ModelBundle#BEST_DIR} bundle one level
     * down, in words ("'notes.txt', which is not a file of a model bundle"); or null.
     */
    private static String foreignEntry(Path dir, boolean nested) throws BundleException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : entries) {
            // an entry that vanished while listing (another save's rename) is not foreign
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String why = whyForeign(p, nested);
            if (why != null) {
                return StrictJson.quote(p.getFileName().toString()) + ", " + why;
            }
        }
        return null;
    }

    private static String whyForeign(Path p, boolean nested) throws BundleException {
        String name = p.getFileName().toString();
        boolean regular = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        if (isBundleFile(name)) {
            return regular ? null : "which is " + AtomicFiles.what(p) + " where a model bundle has a regular file";
        }
        if (nested || !name.equals(ModelBundle.BEST_DIR)) {
            return "which is not a file of a model bundle";
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "which is " + AtomicFiles.what(p) + " where a model bundle has its best checkpoint's folder";
        }
        String inside = foreignEntry(p, true);
        return inside == null ? null : "which holds " + inside;
    }

    /**
     * Repairs what a save killed mid-way leaves next to {@code dir}: if nothing is at {@code dir}
     * but the previous bundle is still under its hidden name, it is put back; leftover hidden
     * copies and temporary directories (exactly the names {@link org.a2clab.io.Siblings} makes, of processes
     * that are gone) are removed when they hold only bundle files. The same inside {@code dir}
     * for its {@link ModelBundle#BEST_DIR}, which earlier versions saved by a second swap. Saves
     * and loads call this; it returns what it did, one sentence each, for callers to show.
     * Never fails: what it cannot repair it leaves as it was.
     */
    static List<String> recoverInterruptedSave(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        List<String> done = new ArrayList<>(recover(target));
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            done.addAll(recover(target.resolve(ModelBundle.BEST_DIR)));
        }
        return done;
    }

    private static List<String> recover(Path target) {
        List<String> done = new ArrayList<>();
        try {
            List<Path> olds = new ArrayList<>(AtomicDirectory.leftoverOldVersions(target));
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                for (int i = olds.size() - 1; i >= 0; i--) {
                    Path old = olds.get(i);
                    if (holdsOnlyBundleFiles(old) && Files.isRegularFile(old.resolve(ModelBundle.MANIFEST_FILE),
                            LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                        olds.remove(i);
                        done.add("restored " + target + " from " + old.getFileName() + ", left by a save that was interrupted");
                        break;
                    }
                }
            }
            List<Path> stale = new ArrayList<>(olds);
            stale.addAll(AtomicDirectory.leftoverTempDirectories(target));
            for (Path p : stale) {
                if (holdsOnlyBundleFiles(p)) {
                    AtomicDirectory.deleteRecursively(p);
                    done.add("removed " + p + ", left by a save that was interrupted");
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    done.add("left " + p + " as it is: it is named like what an interrupted save leaves, "
                            + "but it holds files A2C Lab does not write there");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            done.add("could not clean up after an interrupted save next to " + target + ": " + e.getMessage());
        }
        return done;
    }

    private static boolean holdsOnlyBundleFiles(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return foreignEntry(dir, false) == null;
        } catch (BundleException e) {
            return false;
        }
    }
}
