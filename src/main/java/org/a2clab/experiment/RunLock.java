package org.a2clab.experiment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The liveness marker of a run folder: the process that trains a run holds an OS lock on its
 * {@link RunFolder#LOCK} from before it writes "running" until after it writes the run's last
 * state. The OS lets go of the lock when the process ends, however it ends (killed, crashed, power
 * cut), so the marker cannot outlive its writer: a reader that can take the lock knows nobody
 * trains the run, and a stored "running" or "paused" then reads as {@link RunState#CUT_OFF}.
 *
 * <p>POSIX drops every lock a process holds on a file when it closes any channel to that file, so
 * this process never probes a file it holds itself: {@link #HELD} answers for those, and holding
 * and probing take turns on it.
 */
final class RunLock implements AutoCloseable {
    /** The lock files this process holds; guards every open of a lock file here. */
    private static final Set<Path> HELD = new HashSet<>();
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run in {@code dir} (made if missing) for this process; fails if any process holds it. */
    static RunLock hold(Path dir) throws IOException {
        Path file = key(dir);
        synchronized (HELD) {
            if (HELD.contains(file)) {
                throw new IOException(dir + " is already being trained by this app");
            }
            Files.createDirectories(dir);
            BasicFileAttributes a = attributes(file);
            if (a != null && !a.isRegularFile()) {
                throw new IOException(file + " is not a file A2C Lab wrote");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IOException(dir + " is being trained by another process");
            }
            HELD.add(file);
            return new RunLock(file, channel, lock);
        }
    }

    /**
     * True if a process (this one or another) holds the run in {@code dir} now. A lock file that is
     * missing, not a regular file (never opened: a pipe could block) or cannot be probed holds nothing.
     */
    static boolean isHeld(Path dir) {
        Path file = key(dir);
        synchronized (HELD) {
            return HELD.contains(file) || probe(file);
        }
    }

    /** True if another process holds the run in {@code dir} now (this app knows what it trains itself). */
    static boolean isHeldElsewhere(Path dir) {
        Path file = key(dir);
        synchronized (HELD) {
            return !HELD.contains(file) && probe(file);
        }
    }

    /** Tries the lock of a file this process does not hold; callers hold {@link #HELD}. */
    private static boolean probe(Path file) {
        try {
            BasicFileAttributes a = attributes(file);
            if (a == null || !a.isRegularFile()) {
                return false;
            }
            // a shared lock needs only read access; the writer's exclusive lock refuses it
            try (FileChannel probe = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                FileLock taken = probe.tryLock(0, Long.MAX_VALUE, true);
                if (taken == null) {
                    return true;
                }
                taken.release();
                return false;
            }
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Lets go of the run: call it after the run's last state is written. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            try {
                lock.release();
            } finally {
                HELD.remove(file);
                channel.close();
            }
        }
    }

    private static Path key(Path dir) {
        return dir.resolve(RunFolder.LOCK).toAbsolutePath().normalize();
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
