package org.a2clab.export;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A bundle as one .zip of its files (flat, no folders). Unpacking trusts nothing in the archive:
 * only plain file names, a bounded number of entries, and bytes counted as they are inflated
 * (never the sizes the archive claims), so neither path tricks nor zip bombs get through.
 */
final class BundleZip {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_ENTRIES = 32;
    static final long MAX_TOTAL_BYTES = 256L << 20;

    private BundleZip() {
    }

    /**
     * Writes a bundle's zip to {@code out}: the files in {@code read} from those bytes (the ones a
     * load checked), then the bundle's other files in {@code dir} (regular files with a bundle
     * file's name; links never followed), in name order so the same bundle always packs the same.
     * Other files, and a .zip being written inside the bundle, stay out. Fails if the whole would
     * unpack to more than {@link #MAX_TOTAL_BYTES}, which {@link #unpack} refuses.
     */
    static void pack(Path dir, Map<String, byte[]> read, OutputStream out) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (ModelBundle.isBundleFile(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(name, p);
                }
            }
        }
        read.keySet().forEach(name -> files.put(name, null));
        long total = 0;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                if (f.getValue() == null) {
                    total += read.get(f.getKey()).length;
                    zip.write(read.get(f.getKey()));
                } else {
                    try (InputStream in = Files.newInputStream(f.getValue(), StandardOpenOption.READ,
                            LinkOption.NOFOLLOW_LINKS)) {
                        total += in.transferTo(zip);
                    }
                }
                if (total > MAX_TOTAL_BYTES) {
                    throw new IOException("the bundle's files are more than " + MAX_TOTAL_BYTES
                            + " bytes, more than a bundle's .zip may unpack to");
                }
                zip.closeEntry();
            }
        }
    }

    private static BundleException notAZip(Path zipFile, String why) {
        return new BundleException(zipFile + " is not a .zip file (or it is damaged): " + why);
    }

    /** Unpacks {@code zipFile} into the empty directory {@code into}. */
    static void unpack(Path zipFile, Path into) throws BundleException, IOException {
        String name = zipFile.getFileName().toString();
        Set<String> seen = new HashSet<>();
        long total = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String entry = e.getName();
                if (entry.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                    throw new BundleException(name + " holds another zip, " + StrictJson.quote(entry)
                            + ", instead of a bundle's files: open that zip itself");
                }
                if (e.isDirectory() || !SAFE_NAME.matcher(entry).matches()) {
                    throw new BundleException(name + ": entry " + StrictJson.quote(entry) + " is not a plain file name; a bundle zip holds only its files");
                }
                if (!seen.add(entry)) {
                    throw new BundleException(name + ": entry '" + entry + "' appears twice");
                }
                if (seen.size() > MAX_ENTRIES) {
                    throw new BundleException(name + " has more than " + MAX_ENTRIES + " entries; not a model bundle");
                }
                try (OutputStream out = Files.newOutputStream(into.resolve(entry))) {
                    int n;
                    while ((n = zip.read(buf)) > 0) {
                        total += n;
                        if (total > MAX_TOTAL_BYTES) {
                            throw new BundleException(name + " unpacks to more than " + MAX_TOTAL_BYTES + " bytes; not a model bundle");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw notAZip(zipFile, e.getMessage());
        } catch (EOFException e) {
            throw notAZip(zipFile, "it ends in the middle of an entry");
        }
        if (seen.isEmpty()) {
            throw notAZip(zipFile, "no entries found");
        }
    }
}
