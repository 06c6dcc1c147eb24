package org.a2clab.experiment;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The layout of one run's folder, the same for {@code sweep --out DIR/runs} and the app's
 * workspace: {@code metrics.jsonl} (one JSON line per update, episode and evaluation),
 * {@code result.json} (the summary {@code train} prints) and, from the app, {@code run.json}
 * (name and state) and {@code model/} (final bundle, best one in {@code model/best}).
 */
public final class RunFolder {
    public static final String METRICS = "metrics.jsonl";
    public static final String RESULT = "result.json";
    public static final String META = "run.json";
    public static final String MODEL = "model";
    /** Everything A2C Lab writes into a run folder; a folder with anything else is not deleted. */
    static final Set<String> OWNED = Set.of(METRICS, RESULT, META, MODEL);

    private RunFolder() {
    }

    /** True if {@code dir} holds one of the files a run writes. */
    public static boolean looksLikeRun(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && (Files.exists(dir.resolve(METRICS)) || Files.exists(dir.resolve(RESULT))
                        || Files.exists(dir.resolve(META)));
    }

    /** A sweep's seed folder name, e.g. {@code seed-3}. */
    public static boolean isSeedFolderName(String name) {
        return name.matches("seed-[0-9]{1,19}");
    }
}
