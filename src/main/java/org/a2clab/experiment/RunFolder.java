package org.a2clab.experiment;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of one run's folder, the same for {@code sweep --out DIR/runs} and the app's
 * workspace: {@code metrics.jsonl} (one JSON line per update, episode and evaluation),
 * {@code result.json} (the summary {@code train} prints) and, from the app, {@code run.json}
 * (name and state), {@code run.lock} (held while a process trains the run, see {@link RunLock}) and
 * {@code model/} (final bundle, best one in {@code model/best}).
 */
public final class RunFolder {
    public static final String METRICS = "metrics.jsonl";
    public static final String RESULT = "result.json";
    public static final String META = "run.json";
    public static final String MODEL = "model";
    /** Empty; its OS lock says a process trains the run ({@link RunLock}). */
    static final String LOCK = "run.lock";
    /** Everything A2C Lab writes into a run folder; a folder with anything else is not deleted. */
    static final Set<String> OWNED = Set.of(METRICS, RESULT, META, MODEL, LOCK);
    /**
     * The names of the folders A2C Lab makes for a setting: a sweep's "NAME=VALUE" and the app's
     * "2026-01-31T12-00-00 label" (see {@link Workspace#newExperimentFolder}).
     */
    private static final Pattern SETTING_FOLDER = Pattern.compile(
            "[a-z][a-z0-9-]*=[^/\\\\]+|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2} [A-Za-z0-9=._-]*( \\([0-9]+\\))?");

    private RunFolder() {
    }

    /** True if {@code dir} holds one of the files a run writes (a link named so counts: it is read as damaged). */
    public static boolean looksLikeRun(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && (RunFiles.exists(dir.resolve(METRICS)) || RunFiles.exists(dir.resolve(RESULT))
                        || RunFiles.exists(dir.resolve(META)));
    }

    /** A sweep's seed folder name, e.g. {@code seed-3}. */
    public static boolean isSeedFolderName(String name) {
        return name.matches("seed-[0-9]{1,19}");
    }

    /** A name A2C Lab gives a setting's folder; only such a folder is removed when its last run is deleted. */
    static boolean isSettingFolderName(String name) {
        return SETTING_FOLDER.matcher(name).matches();
    }
}
