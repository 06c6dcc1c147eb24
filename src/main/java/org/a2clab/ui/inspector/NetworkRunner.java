package org.a2clab.ui.inspector;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.StringProperty;
import org.a2clab.agent.ActorCritic;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * The inspector's network jobs: submitted to the training thread, answered on the FX thread,
 * counted while in flight; a failure shows in the inspector's status line until a job succeeds.
 */
final class NetworkRunner {
    private final NetworkJobs jobs;
    private final BackgroundWork work;
    private final StringProperty status;
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper(this, "jobsInFlight");
    private boolean showsFailure;

    NetworkRunner(NetworkJobs jobs, BackgroundWork work, StringProperty status) {
        this.jobs = jobs;
        this.work = work;
        this.status = status;
    }

    <T> void run(Function<ActorCritic, T> job, Consumer<T> done) {
        run(job, done, () -> { });
    }

    <T> void run(Function<ActorCritic, T> job, Consumer<T> done, Runnable failed) {
        inFlight.set(inFlight.get() + 1);
        work.then(jobs.submit(job), result -> {
            inFlight.set(inFlight.get() - 1);
            // A failure from before a network existed (or a retrain) is stale once jobs work again.
            if (showsFailure) {
                showsFailure = false;
                status.set("");
            }
            done.accept(result);
        }, error -> {
            inFlight.set(inFlight.get() - 1);
            failed.run();
            status.set("Network job failed: " + BackgroundWork.message(error));
            showsFailure = true;
        });
    }

    ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }
}
