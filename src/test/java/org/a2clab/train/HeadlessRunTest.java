package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link Run#runToEnd}: the one training loop driven on the calling thread under a stop rule. */
class HeadlessRunTest {
    static final Hyperparameters HP = RunTest.HP.withSeed(11);
    static final int UPDATES = 8;
    static final long STEPS_PER_UPDATE = (long) HP.numEnvs() * HP.nSteps();

    /** Records a run's events; stops the run from its listener after update {@code stopAt} (0: never). */
    static final class Trace implements TrainingListener {
        final List<UpdateStats> updates = new CopyOnWriteArrayList<>();
        final List<BestCheckpoint.Point> evaluations = new CopyOnWriteArrayList<>();
        final List<SessionState> states = new CopyOnWriteArrayList<>();
        final AtomicReference<String> message = new AtomicReference<>("");
        final AtomicReference<Run> run = new AtomicReference<>();
        final long stopAt;

        Trace(long stopAt) {
            this.stopAt = stopAt;
        }

        @Override
        public void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
                RolloutSnapshot snapshot) {
            updates.add(untimed(stats));
            if (stats.update() == stopAt) {
                run.get().stop();
            }
        }

        @Override
        public void onEvaluation(EvaluationReport report) {
            evaluations.add(report.point());
        }

        @Override
        public void onStateChanged(SessionState state, String msg) {
            states.add(state);
            message.set(msg);
        }
    }

    /** Everything an update computed; its wall-clock figures differ between any two runs. */
    static UpdateStats untimed(UpdateStats s) {
        return new UpdateStats(s.update(), s.envSteps(), s.episodes(), s.policyLoss(), s.valueLoss(),
                s.entropy(), s.totalLoss(), s.explainedVariance(), s.gradNorm(), s.learningRate(),
                s.probRight(), s.value(), s.nStepReturn(), s.advantage(), s.meanReturnLast100(), 0, 0,
                s.actionMean(), s.actionStd());
    }

    /** Greedy evaluations every 2 updates, so the events compared include evaluations. */
    static BestCheckpoint everyOtherUpdate() {
        return new BestCheckpoint(2 * STEPS_PER_UPDATE, 2);
    }

    @Test
    void aHeadlessRunMakesTheSameUpdatesAndEvaluationsAsAThreadedOneWithTheSameSeed() throws Exception {
        Trace threaded = new Trace(UPDATES);
        Run session = new Run(HP, threaded);
        threaded.run.set(session);
        session.setBestCheckpoint(everyOtherUpdate());
        session.start();
        RunTest.await(() -> session.state() == SessionState.STOPPED);

        Trace headless = new Trace(0);
        Run run = new Run(HP, headless);
        run.setBestCheckpoint(everyOtherUpdate());
        TrainingResult result = run.runToEnd(new StopRule(UPDATES * STEPS_PER_UPDATE, 500), (a2c, r, diverged) -> r);

        assertEquals(UPDATES, threaded.updates.size());
        assertEquals(threaded.updates, headless.updates);
        assertEquals(UPDATES / 2, headless.evaluations.size());
        assertEquals(threaded.evaluations, headless.evaluations);
        assertEquals(UPDATES, result.updates());
        assertEquals(UPDATES * STEPS_PER_UPDATE, result.envSteps());
        assertFalse(result.solved());
        // a seed fixes the run: another one trains differently
        Trace other = new Trace(0);
        new Run(HP.withSeed(12), other).runToEnd(new StopRule(UPDATES * STEPS_PER_UPDATE, 500), (a2c, r, d) -> r);
        assertFalse(other.updates.equals(headless.updates));
    }

    @Test
    void aHeadlessRunStopsAtItsTargetWhichIsTheTargetOfItsA2c() throws Exception {
        Trace trace = new Trace(0);
        Run run = new Run(HP, trace);
        run.setBestCheckpoint(null);
        // any 100 CartPole episodes average at least 5
        long[] solvedAt = run.runToEnd(new StopRule(1_000_000, 5), (a2c, r, diverged) -> {
            assertTrue(r.solved(), r.toString());
            assertTrue(a2c.network().evaluate(new float[][] {{0, 0, 0, 0}}).isFinite(), "the network is open");
            return new long[] {a2c.solvedEnvSteps(), r.envSteps(), r.episodes()};
        });
        assertEquals(solvedAt[1], solvedAt[0], "the A2c was solved at 5, at the last update");
        assertTrue(solvedAt[2] >= StopRule.WINDOW);
        assertTrue(solvedAt[1] < 1_000_000);
        assertEquals(List.of(SessionState.RUNNING, SessionState.STOPPED), trace.states);
        assertEquals(SessionState.STOPPED, run.state());
    }

    @Test
    void aDivergedHeadlessRunReachesItsEndingUnsolvedWithTheLastGoodNetwork() throws Exception {
        Trace trace = new Trace(0);
        Run run = new Run(HP, trace);
        run.setBestCheckpoint(null);
        // queued before the run starts: the headless loop runs jobs between updates too
        run.submit(a2c -> {
            a2c.forceLearningRate(1e30);
            return null;
        });
        TrainingDivergedException[] seen = new TrainingDivergedException[1];
        TrainingResult result = run.runToEnd(new StopRule(1_000_000, 5), (a2c, r, diverged) -> {
            seen[0] = diverged;
            assertTrue(a2c.network().evaluate(new float[][] {{0.1f, -0.2f, 0.03f, 0.4f}}).isFinite());
            return r;
        });
        assertNotNull(seen[0]);
        assertFalse(result.solved());
        assertEquals(List.of(SessionState.RUNNING, SessionState.FAILED, SessionState.STOPPED), trace.states);
        assertEquals(result.updates(), trace.updates.size());
    }

    @Test
    void aDivergenceTheEndingRethrowsFailsTheRun() {
        Run run = new Run(HP, new Trace(0));
        run.setBestCheckpoint(null);
        run.submit(a2c -> {
            a2c.forceLearningRate(1e30);
            return null;
        });
        assertThrows(TrainingDivergedException.class, () -> run.runToEnd(new StopRule(1_000_000, 5),
                (a2c, r, diverged) -> {
                    throw diverged;
                }));
        assertEquals(SessionState.STOPPED, run.state());
    }

    @Test
    void stopEndsAHeadlessRunAfterTheCurrentUpdateAndItsEndingStillRuns() throws Exception {
        Trace trace = new Trace(3);
        Run run = new Run(HP, trace);
        trace.run.set(run);
        run.setBestCheckpoint(null);
        TrainingResult result = run.runToEnd(new StopRule(1_000_000, 475), (a2c, r, diverged) -> r);
        assertEquals(3, result.updates());
        assertEquals(3, trace.updates.size());
        assertEquals(List.of(SessionState.RUNNING, SessionState.STOPPED), trace.states);
    }

    @Test
    void aCancellationFromTheListenerEndsTheRunWithoutItsEndingOrAFailure() {
        List<SessionState> states = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Run run = new Run(HP, new TrainingListener() {
            @Override
            public void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
                    RolloutSnapshot snapshot) {
                if (stats.update() == 3) {
                    throw new CancellationException("stopped");
                }
            }

            @Override
            public void onStateChanged(SessionState state, String message) {
                states.add(state);
            }
        });
        CancellationException e = assertThrows(CancellationException.class,
                () -> run.runToEnd(new StopRule(1_000_000, 475), (a2c, r, diverged) -> {
                    ended.set(true);
                    return null;
                }));
        assertEquals("stopped", e.getMessage());
        assertFalse(ended.get());
        assertEquals(List.of(SessionState.RUNNING, SessionState.STOPPED), states);
    }
}
