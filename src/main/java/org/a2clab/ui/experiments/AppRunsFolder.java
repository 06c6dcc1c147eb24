package org.a2clab.ui.experiments;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.a2clab.experiment.Workspace;

/**
 * Where the app writes the runs it trains (the Training tab's and New experiment's): the first
 * folder the Experiments tab opens, the app's workspace. A folder opened later to look at, e.g. a
 * sweep's, never becomes it, so no run of the app lands among a sweep's runs unasked.
 */
public final class AppRunsFolder {
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private Workspace workspace;

    /** Takes {@code ws} as the app's folder unless one is set already. */
    void claim(Workspace ws) {
        if (workspace == null) {
            workspace = ws;
            folder.set(ws.root());
        }
    }

    /** Null before the Experiments tab opened its first folder. */
    public Workspace workspace() {
        return workspace;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }
}
