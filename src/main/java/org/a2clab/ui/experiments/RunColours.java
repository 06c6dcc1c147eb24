package org.a2clab.ui.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.scene.paint.Color;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.Workspace;

/**
 * A colour per run that never changes: a run keeps the palette index it was given (stored in its
 * run.json, so it survives a restart), a new run gets the least-used colour of Tableau 20 (the
 * first such in palette order), and a deleted run's colour stays taken while the app runs, so no
 * other run takes it over and reads as the same line.
 */
public final class RunColours {
    static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"), Color.web("#1f4e79"), Color.web("#b35900"),
        Color.web("#8c1c1d"), Color.web("#3b8a83"), Color.web("#2f6a2a"), Color.web("#a08000"),
        Color.web("#6b3d63"), Color.web("#c2185b"), Color.web("#5d4037"), Color.web("#616161"),
    };
    private final Map<String, Integer> byRun = new HashMap<>();
    private final int[] uses = new int[PALETTE.length];

    /** The palette index of the run with this key (its folder); {@code stored}: the one it kept, or null. */
    public int indexOf(String runKey, Integer stored) {
        Integer known = byRun.get(runKey);
        if (known != null) {
            return known;
        }
        int index;
        if (stored != null) {
            index = stored % PALETTE.length;
        } else {
            index = 0;
            for (int i = 1; i < PALETTE.length; i++) {
                if (uses[i] < uses[index]) {
                    index = i;
                }
            }
        }
        uses[index]++;
        byRun.put(runKey, index);
        return index;
    }

    /** True if the run with this key already has a colour in this session. */
    public boolean knows(String runKey) {
        return byRun.containsKey(runKey);
    }

    /**
     * The colour of run {@code id} of {@code ws}: {@code kept} (its run.json's), else a new one,
     * which is kept in its run.json on {@code background} ({@code ours}: the settings of a run the
     * app started, else null; see {@link Workspace#keepColour}).
     */
    Color keep(Workspace ws, String id, Path dir, Integer kept, RunSettings ours, Executor background) {
        String key = ws.root() + "/" + id;
        boolean known = knows(key);
        int index = indexOf(key, kept);
        if (!known && kept == null) {
            background.execute(() -> {
                try {
                    ws.keepColour(dir, index, ours);
                } catch (IOException | RuntimeException e) {
                    // the colour then holds for this session only; the run itself is unaffected
                }
            });
        }
        return colour(index);
    }

    public static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /** The colour of the run with this key, given a new one if it has none yet. */
    public Color of(String runKey) {
        return colour(indexOf(runKey, null));
    }
}
