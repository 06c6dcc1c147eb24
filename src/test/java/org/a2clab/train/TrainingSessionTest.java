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

class TrainingSessionTest {
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withNumEnvs(4).withNSteps(5)
            .withHiddenSize(16).withDevice(DeviceChoice.CPU);

    /** Records what the session publishes. */
    static final class Recorder implements TrainingListener {
        final AtomicLong updates = new AtomicLong();
        final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
        final List<SessionState> states = new CopyOnWriteArrayList<>();
        final AtomicReference<String> message = new AtomicReference<>("");

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
        TrainingSession session = new TrainingSession(HP, r);
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
        assertThrows(Exception.class, () -> session.submit(A2c::updates).get(10, TimeUnit.SECONDS));
    }

    @Test
    void liveChangeReachesTheRunningSessionAndSnapshotsArriveOnRequest() throws Exception {
        Recorder r = new Recorder();
        try (TrainingSession session = new TrainingSession(HP, r)) {
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
        try (TrainingSession session = new TrainingSession(HP, r)) {
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
        TrainingSession session = TrainingSession.continuing(HP, () -> {
            throw new IllegalStateException("no such model");
        }, r);
        session.start();
        await(() -> session.state() == SessionState.STOPPED);
        assertTrue(r.states.contains(SessionState.FAILED));
        assertTrue(r.states.size() >= 2);
    }
}
