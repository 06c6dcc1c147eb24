package org.a2clab.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The derived numbers against a hand oracle: 4 steps, r = 1, V = 1, 2, 3, 4, γ = 0.5, n = 2. */
class RecordedEpisodeTest {
    private static final double EPS = 1e-9;

    private static List<EpisodeStep> steps(boolean terminated, boolean truncated) {
        List<EpisodeStep> out = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean last = t == 3;
            out.add(new EpisodeStep(new double[4], new float[4], 0.25f, 0.75f, t + 1, 1, 1f,
                    last && terminated, last && truncated, false));
        }
        return out;
    }

    @Test
    void terminatedEpisodeBootstrapsNothingAfterTheEnd() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 7, steps(true, false), 10.0, 2, 0.5);
        // R0 = 1 + .5·1 + .25·V2 ; R1 = 1 + .5·1 + .25·V3 ; R2 = 1 + .5·1 ; R3 = 1
        assertArrayEquals(new double[] {2.25, 2.5, 1.5, 1.0}, returns(e), EPS);
        assertArrayEquals(new double[] {1.25, 0.5, -1.5, -3.0}, advantages(e), EPS);
        // δt = 1 + .5·V(t+1) − V(t), and δ3 = 1 − 4 (no future after termination)
        assertArrayEquals(new double[] {1.0, 0.5, 0.0, -3.0}, tdErrors(e), EPS);
        assertTrue(e.finished());
        assertEquals(4.0, e.totalReturn(), EPS);
    }

    @Test
    void truncatedEpisodeBootstrapsFromTheFinalObservationsValue() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.SAMPLED, 7, steps(false, true), 10.0, 2, 0.5);
        // R2 = 1 + .5·(1 + .5·10) ; R3 = 1 + .5·10
        assertArrayEquals(new double[] {2.25, 2.5, 4.0, 6.0}, returns(e), EPS);
        assertArrayEquals(new double[] {1.25, 0.5, 1.0, 2.0}, advantages(e), EPS);
        assertArrayEquals(new double[] {1.0, 0.5, 0.0, 2.0}, tdErrors(e), EPS);
        assertTrue(e.finished());
    }

    @Test
    void terminationWinsWhenBothFlagsAreSet() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 7, steps(true, true), 10.0, 2, 0.5);
        assertEquals(1.0, e.frame(3).nStepReturn(), EPS);
        assertEquals(-3.0, e.frame(3).tdError(), EPS);
    }

    @Test
    void unfinishedEpisodeBootstrapsFromTheNextValue() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 7, steps(false, false), 10.0, 2, 0.5);
        assertFalse(e.finished());
        assertEquals(6.0, e.frame(3).nStepReturn(), EPS);
    }

    @Test
    void oneStepReturnIsTheTdTarget() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 7, steps(false, true), 10.0, 1, 0.5);
        for (EpisodeFrame f : e.frames()) {
            assertEquals(f.tdError(), f.advantage(), EPS);
        }
    }

    @Test
    void entropyOfTheFramesPolicy() {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 7, steps(true, false), 0, 2, 0.5);
        double expected = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertEquals(expected, e.frame(0).entropy(), 1e-7);
    }

    static double[] returns(RecordedEpisode e) {
        return e.frames().stream().mapToDouble(EpisodeFrame::nStepReturn).toArray();
    }

    static double[] advantages(RecordedEpisode e) {
        return e.frames().stream().mapToDouble(EpisodeFrame::advantage).toArray();
    }

    static double[] tdErrors(RecordedEpisode e) {
        return e.frames().stream().mapToDouble(EpisodeFrame::tdError).toArray();
    }
}
