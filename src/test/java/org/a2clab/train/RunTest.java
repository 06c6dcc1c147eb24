package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.a2clab.agent.DeviceChoice;
import org.junit.jupiter.api.Test;

class RunTest {
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withNumEnvs(4).withNSteps(5)
            .withHiddenSize(16).withDevice(DeviceChoice.CPU);

    /** Records what the session publishes. */
    static final class Recorder implements TrainingListener {
        final AtomicLong updates = new AtomicLong();
        final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
        final List<SessionState> states = new CopyOnWriteArrayList<>();
        final AtomicReference<String> message = new AtomicReference<>("");
        final List<EvaluationReport> evaluations = new CopyOnWriteArrayList<>();
        /** Each onSolved as [env steps, training seconds], with the updates heard before it. */
        final List<double[]> solves = new CopyOnWriteArrayList<>();
        final AtomicLong solvedPauses = new AtomicLong();

        @Override
        public void onSolved(long envSteps, double trainingSeconds) {
            solves.add(new double[] {envSteps, trainingSeconds, updates.get()});
        }

        @Override
        public void onSolvedPause() {
            solvedPauses.incrementAndGet();
        }

        @Override
        public void onEvaluation(EvaluationReport report) {
            evaluations.add(report);
        }

        @Override
        public void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
                RolloutSnapshot snap) {
            updates.set(stats.update());
            if (snap != null) {
                snapshot.set(snap);
            }
        }

        @Override
        public void onStateChanged(SessionState state, String msg) {
            states.add(state);
            message.set(msg);
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 30 s");
            Thread.sleep(5);
        }
    }

    @Test
    void startPauseResumeStop() throws Exception {
        Recorder r = new Recorder();
        Run session = new Run(HP, r);
        session.start();
        await(() -> r.updates.get() > 5);
        session.pause();
        await(() -> session.state() == SessionState.PAUSED);
        long paused = session.submit(A2c::updates).get(10, TimeUnit.SECONDS);
        // a negative needs a window: 0.5 s is hundreds of updates of this network, and jobs keep
        // running on the training thread through it
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < until) {
            assertEquals(paused, session.submit(A2c::updates).get(10, TimeUnit.SECONDS), "no updates while paused");
            Thread.sleep(20);
        }
        assertEquals(paused, r.updates.get(), "nothing published while paused");
        session.resume();
        await(() -> r.updates.get() > paused + 5);
        session.stop();
        assertEquals(SessionState.STOPPED, session.state());
        java.util.concurrent.ExecutionException afterStop = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> session.submit(A2c::updates).get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, afterStop.getCause().getClass());
        assertEquals("session is stopped", afterStop.getCause().getMessage());
    }

    @Test
    void liveChangeReachesTheRunningSessionAndSnapshotsArriveOnRequest() throws Exception {
        Recorder r = new Recorder();
        try (Run session = new Run(HP, r)) {
            session.start();
            await(() -> r.updates.get() > 2);
            session.setHyperparameters(HP.withLearningRate(1e-4).withEntropyCoef(0.02));
            await(() -> session.submit(a2c -> a2c.hyperparameters().learningRate()).join() == 1e-4);
            assertEquals(0.02, session.submit(a2c -> a2c.hyperparameters().entropyCoef()).get());
            assertThrows(IllegalArgumentException.class, () -> session.setHyperparameters(HP.withNumEnvs(8)));
            session.requestSnapshot();
            await(() -> r.snapshot.get() != null);
            RolloutSnapshot s = r.snapshot.get();
            assertEquals(20, s.values().length);
            assertEquals(5, s.workerFrames().size());
        }
    }

    /**
     * A real divergence in a running session (a learning rate far beyond the allowed range): the
     * session fails with the last finite network back in place, serves jobs, and after the user
     * lowers the learning rate, Resume trains on from that network with nothing repaired by hand.
     */
    @Test
    void aRealDivergenceKeepsTheLastGoodNetworkAndResumeGoesOnFromIt() throws Exception {
        Recorder r = new Recorder();
        float[][] obs = {{0.1f, -0.2f, 0.03f, 0.4f}};
        try (Run session = new Run(HP, r)) {
            session.start();
            await(() -> r.updates.get() > 2);
            session.submit(a2c -> {
                a2c.forceLearningRate(1e30);
                return null;
            }).get(10, TimeUnit.SECONDS);
            await(() -> session.state() == SessionState.FAILED);
            assertTrue(r.message.get().contains("diverged at update") && r.message.get().contains("restored"),
                    r.message.get());
            assertTrue(session.submit(a2c -> a2c.network().evaluate(obs).isFinite()).get(10, TimeUnit.SECONDS),
                    "the network in place gives finite outputs");
            long failedAt = session.submit(A2c::updates).get(10, TimeUnit.SECONDS);
            session.setHyperparameters(HP.withLearningRate(1e-3));
            session.resume();
            await(() -> r.updates.get() > failedAt + 3);
            assertEquals(SessionState.RUNNING, session.state());
            assertTrue(session.submit(a2c -> a2c.network().evaluate(obs).isFinite()).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingStartIsReportedNotThrown() throws Exception {
        Recorder r = new Recorder();
        Run session = Run.continuing(HP, () -> {
            throw new IllegalStateException("no such model");
        }, r);
        session.start();
        await(() -> session.state() == SessionState.STOPPED);
        assertTrue(r.states.contains(SessionState.FAILED));
        assertTrue(r.states.size() >= 2);
    }

    @Test
    void evaluationsArePublishedAndTheBestNetworkStaysAvailableToJobs() throws Exception {
        Recorder r = new Recorder();
        double[] scores = {10, 40, 20};
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (Run session = new Run(HP, r)) {
            // 4 envs × 5 steps = 20 env steps per update: evaluations at 100, 200, 300, …
            session.setBestCheckpoint(new BestCheckpoint(100, 2, net -> {
                int i = calls.getAndIncrement();
                return i < scores.length ? scores[i] : 0;
            }));
            session.start();
            await(() -> r.evaluations.size() >= 3);
            session.pause();
            assertEquals(List.of(new BestCheckpoint.Point(100, 10), new BestCheckpoint.Point(200, 40),
                    new BestCheckpoint.Point(300, 20)),
                    r.evaluations.subList(0, 3).stream().map(EvaluationReport::point).toList());
            assertEquals(new BestCheckpoint.Point(100, 10), r.evaluations.get(0).best());
            assertEquals(new BestCheckpoint.Point(200, 40), r.evaluations.get(2).best());
            assertTrue(r.evaluations.get(2).evaluationSeconds() >= r.evaluations.get(0).evaluationSeconds());
            int hidden = session.submitView(view -> {
                try (org.a2clab.agent.ActorCritic copy = view.best().bestNetwork(view.network())) {
                    return copy.hiddenSize();
                }
            }).get(10, TimeUnit.SECONDS);
            assertEquals(16, hidden);
            assertEquals(new Checkpoint(Checkpoint.Kind.BEST, 40, 200, 2),
                    session.submitView(view -> view.best().bestCheckpoint()).get(10, TimeUnit.SECONDS));
            assertThrows(IllegalStateException.class, () -> session.setBestCheckpoint(null));
        }
    }

    /** The app's jobs see the network and a copy of the counters that matches the trainer's own. */
    @Test
    void aViewCarriesTheNetworkAndTheCountersOfTheTrainer() throws Exception {
        Recorder r = new Recorder();
        try (Run session = new Run(HP, r)) {
            session.setBestCheckpoint(null);
            session.start();
            await(() -> r.updates.get() >= 3);
            session.pause();
            await(() -> session.state() == SessionState.PAUSED);
            TrainingStats seen = session.submitView(TrainingView::stats).get(10, TimeUnit.SECONDS);
            TrainingStats trainer = session.submit(a2c -> new TrainingStats(a2c.envSteps(), a2c.updates(),
                    a2c.episodes(), a2c.meanReturnLast100(), a2c.solvedEnvSteps(), a2c.trainingSeconds(),
                    a2c.deviceName())).get(10, TimeUnit.SECONDS);
            assertEquals(trainer, seen);
            assertEquals(seen.updates() * 20, seen.envSteps(), "4 envs × 5 steps per update");
            assertTrue(seen.updates() >= 3 && seen.trainingSeconds() > 0);
            assertTrue(!seen.device().isBlank(), "the device it trains on");
            assertEquals(seen.solvedAtStep() >= 0, seen.solved());
            assertEquals(16, session.submitView(view -> view.network().hiddenSize()).get(10, TimeUnit.SECONDS));
            assertEquals(HP, session.submitView(TrainingView::hyperparameters).get(10, TimeUnit.SECONDS));
            assertEquals(Checkpoint.FINAL_UNEVALUATED,
                    session.submitView(TrainingView::finalCheckpoint).get(10, TimeUnit.SECONDS), "no evaluations");
            assertEquals(null, session.submitView(TrainingView::best).get(10, TimeUnit.SECONDS));
        }
    }

    /**
     * Starts the session paused, sets its A2c's target return through a job (so before any update
     * trains), then resumes it: a low target makes "solved" a matter of 100 episodes.
     */
    private static void startWithTargetReturn(Run session, double target) throws Exception {
        session.pause();
        session.start();
        await(() -> session.state() == SessionState.PAUSED);
        session.submit(a2c -> {
            a2c.setTargetReturn(target);
            return null;
        }).get(10, TimeUnit.SECONDS);
        session.resume();
    }

    /**
     * Off by default: a run goes on past solving. Switched on after it solved, the session pauses
     * at the next update, once, with the solved message; Resume trains on. A target of 5 (random
     * policies last ≈ 20 steps) makes "solved" a matter of 100 episodes.
     */
    @Test
    void stopWhenSolvedPausesOnceSolvedAndResumeTrainsOn() throws Exception {
        Recorder r = new Recorder();
        try (Run session = new Run(HP, r)) {
            session.setBestCheckpoint(null);
            startWithTargetReturn(session, 5);
            await(() -> session.submit(A2c::solvedEnvSteps).join() >= 0);
            long solvedAt = r.updates.get();
            await(() -> r.updates.get() > solvedAt + 5);
            assertEquals(SessionState.RUNNING, session.state(), "off by default: training goes on");

            session.setStopWhenSolved(true);
            await(() -> r.solvedPauses.get() == 1);
            assertEquals(SessionState.PAUSED, session.state());
            assertEquals("", r.message.get(), "a pause, not a failure");
            assertTrue(session.submit(A2c::episodes).get(10, TimeUnit.SECONDS) >= StopRule.WINDOW);
            long pausedAt = session.submit(A2c::updates).get(10, TimeUnit.SECONDS);

            session.resume();
            await(() -> r.updates.get() > pausedAt + 5);
            assertEquals(SessionState.RUNNING, session.state(), "one pause per switching on");
            assertEquals(1, r.solvedPauses.get());
        }
    }

    @Test
    void aSolvedPauseEvaluatesTheNetworkItStopsWith() throws Exception {
        Recorder r = new Recorder();
        try (Run session = new Run(HP, r)) {
            session.setBestCheckpoint(new BestCheckpoint(1_000_000, 1, net -> 7));
            session.setStopWhenSolved(true);
            startWithTargetReturn(session, 5);
            await(() -> r.solvedPauses.get() == 1);
            long steps = session.submit(A2c::envSteps).get(10, TimeUnit.SECONDS);
            assertEquals(1, r.evaluations.size());
            assertEquals(new BestCheckpoint.Point(steps, 7), r.evaluations.get(0).point());
        }
    }

    /**
     * "Solved" is one event: the session says once, right after the update at which its A2c was
     * first solved (the rule "stop when solved" and a headless run's stop use), its env steps then
     * and its training time, and never again though it trains on.
     */
    @Test
    void theSessionSaysOnceWhenItsA2cIsFirstSolved() throws Exception {
        Recorder r = new Recorder();
        try (Run session = new Run(HP, r)) {
            session.setBestCheckpoint(null);
            startWithTargetReturn(session, 5);
            await(() -> !r.solves.isEmpty());
            long solvedAt = session.submit(A2c::solvedEnvSteps).get(10, TimeUnit.SECONDS);
            long after = r.updates.get();
            await(() -> r.updates.get() > after + 5);
            session.pause();
            double seconds = session.submit(A2c::trainingSeconds).get(10, TimeUnit.SECONDS);

            assertEquals(1, r.solves.size(), "once, though it trained on");
            double[] solve = r.solves.get(0);
            assertEquals(solvedAt, (long) solve[0], "the A2c's own solve");
            assertTrue(solve[1] > 0 && solve[1] < seconds, "its training time then: " + solve[1]);
            assertEquals(solvedAt, (long) (solve[2] * HP.numEnvs() * HP.nSteps()),
                    "right after the update that solved it");
        }
    }
}
