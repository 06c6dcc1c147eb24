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
        assertEquals(paused, session.submit(A2c::updates).get(10, TimeUnit.SECONDS), "no updates while paused");
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

    @Test
    void aDivergedRunKeepsItsNetworkServesJobsAndResumes() throws Exception {
        Recorder r = new Recorder();
        try (TrainingSession session = new TrainingSession(HP, r)) {
            session.start();
            await(() -> r.updates.get() > 2);
            float[] good = session.submit(a2c -> {
                ai.djl.ndarray.NDArray w = a2c.network().parameterArrays().get(2);
                float[] before = w.toFloatArray();
                float[] poisoned = before.clone();
                poisoned[0] = Float.NaN;
                w.set(poisoned);
                a2c.network().parametersChanged();
                return before;
            }).get(10, TimeUnit.SECONDS);
            await(() -> session.state() == SessionState.FAILED);
            assertTrue(r.message.get().contains("diverged at update"), r.message.get());
            long failedAt = session.submit(A2c::updates).get(10, TimeUnit.SECONDS);
            // repair the network (as loading a model would) and resume from where it stopped
            session.submit(a2c -> {
                a2c.network().parameterArrays().get(2).set(good);
                a2c.network().parametersChanged();
                return null;
            }).get(10, TimeUnit.SECONDS);
            session.resume();
            await(() -> r.updates.get() > failedAt + 3);
            assertEquals(SessionState.RUNNING, session.state());
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
