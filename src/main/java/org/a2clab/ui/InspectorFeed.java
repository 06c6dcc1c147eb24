package org.a2clab.ui;

import java.util.List;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.inspector.InspectorViewModel;
import org.a2clab.ui.training.TrainingObserver;

/**
 * Feeds the inspector from the batches the window already gets once per pulse: the rendered
 * worker's frames (finished episodes become training episodes) and "the network changed" after
 * updates or a new run (a retrain or an opened model), which refreshes the heatmaps.
 */
final class InspectorFeed implements TrainingObserver {
    private final InspectorViewModel inspector;

    InspectorFeed(InspectorViewModel inspector) {
        this.inspector = inspector;
    }

    @Override
    public void reset() {
        inspector.networkChanged();
    }

    @Override
    public void onUpdates(List<UpdateStats> updates) {
        inspector.networkChanged();
    }

    @Override
    public void onFrames(List<WorkerFrame> frames) {
        inspector.acceptWorkerFrames(frames);
    }
}
