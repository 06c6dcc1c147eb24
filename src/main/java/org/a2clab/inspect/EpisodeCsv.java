package org.a2clab.inspect;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.io.AtomicFiles;

/**
 * A recorded episode as CSV, one row per frame, for analysis in a spreadsheet or pandas. How it
 * was recorded (kind, seed, n, γ) repeats in the first columns of every row, so plain CSV
 * readers need no comment handling and concatenated episodes stay apart; a training episode
 * (no seed of its own: its worker's environment ran on) leaves the seed empty. A Gaussian policy's
 * episode has five more columns: μ, σ, the real action a, the force (N) and log π(a|s).
 */
public final class EpisodeCsv {
    public static final String HEADER = "kind,seed,n_steps,gamma,t,x,x_dot,theta,theta_dot,obs_x,obs_x_dot,obs_theta,"
            + "obs_theta_dot,prob_left,prob_right,action,value,reward,terminated,truncated,"
            + "n_step_return,advantage,td_error,entropy,perturbed";

    private EpisodeCsv() {
    }

    /** Writes to a temporary sibling, then renames: a failed export never leaves half a file. */
    public static void write(RecordedEpisode episode, Path file) throws IOException {
        AtomicFiles.write(file, temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(HEADER + episode.policy().distribution().csvColumns() + "\n");
                String seed = episode.seed() >= 0 ? Long.toString(episode.seed()) : "";
                String recording = episode.kind().label() + "," + seed + "," + episode.nSteps()
                        + "," + episode.gamma() + ",";
                for (EpisodeFrame f : episode.frames()) {
                    w.write(recording + row(f) + "\n");
                }
            }
        });
    }

    static String row(EpisodeFrame f) {
        StringBuilder b = new StringBuilder().append(f.t());
        for (double s : f.state()) {
            b.append(',').append(s);
        }
        for (float o : f.observation()) {
            b.append(',').append(o);
        }
        return b.append(',').append(f.probLeft()).append(',').append(f.probRight())
                .append(',').append(f.action()).append(',').append(f.value())
                .append(',').append(f.reward()).append(',').append(f.terminated())
                .append(',').append(f.truncated()).append(',').append(f.nStepReturn())
                .append(',').append(f.advantage()).append(',').append(f.tdError())
                .append(',').append(f.entropy()).append(',').append(f.perturbed())
                .append(f.policy().distribution().csvValues(f.gaussian())).toString();
    }
}
