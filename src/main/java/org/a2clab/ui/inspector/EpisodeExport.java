package org.a2clab.ui.inspector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import org.a2clab.inspect.EpisodeCsv;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.media.AnimatedGif;
import org.a2clab.render.EpisodeGif;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * Writes an episode out: as CSV at once, as a PNG sequence handed out in turns and written in the
 * background, or as an animated GIF drawn and written in the background.
 */
public final class EpisodeExport {
    /**
     * Frames handed out per turn on the FX thread while exporting: a {@link FrameImages} may draw
     * there (the app's draws in the background), and a few per turn keeps each turn short and at
     * most two turns' images in memory.
     */
    static final int FRAMES_PER_TURN = 6;

    private final FrameImages frameImages;
    private final Executor background;
    private final BackgroundWork work;
    private final StringProperty status;
    private final ObjectProperty<RecordedEpisode> selected;
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exportingFrames");

    EpisodeExport(ObjectProperty<RecordedEpisode> selected, FrameImages frameImages, Executor background,
            BackgroundWork work, StringProperty status) {
        this.selected = selected;
        this.frameImages = frameImages;
        this.background = background;
        this.work = work;
        this.status = status;
    }

    /** Writes the selected episode as CSV (temporary file, then rename). */
    public void exportCsv(Path file) {
        RecordedEpisode e = selected.get();
        if (e == null) {
            return;
        }
        try {
            EpisodeCsv.write(e, file);
            status.set("Exported " + e.length() + " frames to " + file.getFileName());
        } catch (IOException ex) {
            status.set("Export failed: " + ex.getMessage());
        }
    }

    /**
     * Writes the selected episode into {@code dir} as {@code frame-0000.png}, … one per frame:
     * drawn a few frames per turn on the UI thread, encoded in the background, renamed into place
     * when complete. {@code dir} is never replaced: a folder holding other files gets a new
     * subfolder for the frames (see {@link PngSequence}).
     */
    public void exportFrames(Path dir) {
        RecordedEpisode e = selected.get();
        if (e == null || e.length() == 0 || exporting.get()) {
            return;
        }
        PngSequence sequence;
        try {
            sequence = PngSequence.begin(dir);
        } catch (IOException ex) {
            status.set("Export failed: " + ex.getMessage());
            return;
        }
        exporting.set(true);
        status.set("Writing frames 0/" + e.length());
        framesFrom(e, sequence, 0, CompletableFuture.completedFuture(null));
    }

    /**
     * Writes the selected episode as a looping GIF, one frame per step at CartPole's 50 steps/s,
     * drawn and encoded on the background thread; {@code file} is replaced only by a complete GIF,
     * and only if it is a regular file.
     */
    public void exportGif(Path file) {
        RecordedEpisode e = selected.get();
        if (e == null || e.length() == 0 || exporting.get()) {
            return;
        }
        exporting.set(true);
        status.set("Writing a GIF of " + e.length() + " frames…");
        work.then(BackgroundWork.supply(background, () -> {
            EpisodeGif.write(file, e.frames(), AnimatedGif.DEFAULT_FPS);
            return null;
        }), done -> {
            exporting.set(false);
            status.set("Exported " + e.length() + " frames as a GIF to " + file.toAbsolutePath());
        }, error -> {
            exporting.set(false);
            status.set("Export failed: " + BackgroundWork.message(error));
        });
    }

    /**
     * Draws frames {@code from}… of one turn on the UI thread and hands them to the background to
     * encode (the turn's frames in parallel) and write. Drawing the next turn overlaps with writing
     * this one: it waits only for the turn before, so at most two turns' images are in memory.
     */
    private void framesFrom(RecordedEpisode e, PngSequence sequence, int from, CompletableFuture<Void> previousWrite) {
        if (!exporting.get()) {
            return; // an earlier turn failed and reported it
        }
        int to = Math.min(from + FRAMES_PER_TURN, e.length());
        List<Supplier<byte[]>> images = new ArrayList<>(to - from);
        try {
            for (int t = from; t < to; t++) {
                images.add(frameImages.render(e.frame(t)));
            }
        } catch (RuntimeException ex) {
            failed(sequence, ex);
            return;
        }
        CompletableFuture<Void> written = previousWrite.thenCompose(done -> BackgroundWork.supply(background, () -> {
            write(sequence, from, images);
            if (to == e.length()) {
                sequence.commit();
            }
            return null;
        }));
        work.then(written, done -> {
            if (to < e.length()) {
                status.set("Writing frames " + to + "/" + e.length());
            } else {
                exporting.set(false);
                status.set("Exported " + e.length() + " frames to " + sequence.target());
            }
        }, error -> failed(sequence, error));
        if (to < e.length()) {
            // the next turn is drawn while this one is written; a failure is reported by that write
            work.then(previousWrite, done -> framesFrom(e, sequence, to, written), error -> { });
        }
    }

    private static void write(PngSequence sequence, int from, List<Supplier<byte[]>> images) throws IOException {
        try {
            IntStream.range(0, images.size()).parallel().forEach(i -> {
                try {
                    sequence.write(from + i, images.get(i));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private void failed(PngSequence sequence, Throwable error) {
        if (!exporting.get()) {
            return; // already reported (a later turn's failure follows the first)
        }
        sequence.discard();
        exporting.set(false);
        status.set("Export failed: " + BackgroundWork.message(error));
    }

    /** A frame export (PNG sequence or GIF) is running; another waits until it has finished. */
    public ReadOnlyBooleanProperty exportingFramesProperty() {
        return exporting.getReadOnlyProperty();
    }
}
