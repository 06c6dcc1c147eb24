package org.a2clab.ui.export;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.a2clab.ui.concurrent.BackgroundWork;

/** What the model-file actions are doing and how the last one ended; one action at a time. FX thread. */
final class ActionOutcome {
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");

    boolean busy() {
        return busy.get();
    }

    void begin(String message) {
        busy.set(true);
        progress.set(message);
        notice.set(null);
    }

    void finished(Notice result) {
        busy.set(false);
        progress.set(result.title());
        notice.set(result);
    }

    /** Ends without a notice of its own: something else (e.g. the session's failure dialog) explains. */
    void endedQuietly(String message) {
        busy.set(false);
        progress.set(message);
    }

    void failed(String title, Throwable error) {
        finished(Notice.error(title, BackgroundWork.message(error) + "\n\nThe current model is unchanged."));
    }

    /** Forgets how the last action ended, unless one is running. */
    void clear() {
        if (!busy.get()) {
            progress.set("");
        }
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
