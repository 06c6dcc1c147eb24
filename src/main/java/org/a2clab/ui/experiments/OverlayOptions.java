package org.a2clab.ui.experiments;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.experiment.Metric;

/**
 * How the overlay charts draw: grouped by settings (median and band), per-seed lines, the second
 * chart's metric, and whether the Profiles charts (performance profiles, IQM curves) show beside them.
 */
public final class OverlayOptions {
    private final BooleanProperty groupBySettings = new SimpleBooleanProperty(this, "groupBySettings");
    private final BooleanProperty showSeeds = new SimpleBooleanProperty(this, "showSeeds", true);
    private final BooleanProperty showProfiles = new SimpleBooleanProperty(this, "showProfiles");
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.ENTROPY);

    public BooleanProperty groupBySettingsProperty() {
        return groupBySettings;
    }

    public BooleanProperty showSeedsProperty() {
        return showSeeds;
    }

    public BooleanProperty showProfilesProperty() {
        return showProfiles;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }
}
