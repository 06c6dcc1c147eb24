package org.a2clab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.a2clab.io.AtomicFiles;

/**
 * A bundle as one .zip of its files (flat, no folders). Unpacking trusts nothing in the archive:
 * only plain file names, a bounded number of entries, and bytes counted as they are inflated
 * (never the sizes the archive claims), so neither path tricks nor zip bombs get through.
 */
final class BundleZip {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_ENTRIES = 32;
    private static final long MAX_TOTAL_BYTES = 256L << 20;

    private BundleZip() {
    }

    /**
     * Packs the bundle's own files (regular files with a bundle file's name; links are never
     * followed), sorted so the same bundle always packs to the same entry order. Other files, and
     * the .zip being written when it is inside the bundle, stay out.
     */
    static void pack(Path bundleDir, Path zipFile) throws IOException {
        List<Path> files = bundleFiles(bundleDir);
        AtomicFiles.write(zipFile, temp -> {
            try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path f : files) {
                    zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                    try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        });
    }

    private static List<Path> bundleFiles(Path bundleDir) throws IOException {
        List<Path> list = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(bundleDir)) {
            for (Path p : entries) {
                if (ModelBundle.isBundleFile(p.getFileName().toString())
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    list.add(p);
                }
            }
        }
        list.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return list;
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
            throw new BundleException(name + " is not a readable zip archive (" + e.getMessage() + ")");
        }
        if (seen.isEmpty()) {
            throw new BundleException(name + " is not a zip archive of a model bundle (no entries)");
        }
    }
}
