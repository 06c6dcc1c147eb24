package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;

import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.a2clab.ui.export.Notice;
import org.testfx.api.FxRobot;

/** What the window tests do through the File menu, as a user would: one copy for every test. */
final class FileMenu {
    private FileMenu() {
    }

    /** Opens the File menu and clicks {@code item}. */
    static void choose(FxRobot robot, String item) {
        robot.clickOn("File");
        robot.clickOn(item);
    }

    /**
     * Waits for the model files' notice, closes its dialog with OK and waits until it is gone (so
     * the next click reaches the window), and returns the notice.
     */
    static Notice awaitNotice(FxRobot robot, MainWindow window) {
        waitUntil(() -> window.modelFiles().noticeProperty().get() != null);
        Notice notice = fx(() -> window.modelFiles().noticeProperty().get());
        String id = notice.kind() == Notice.Kind.ERROR ? "#model-error" : "#model-notice";
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        DialogPane dialog = robot.lookup(id).queryAs(DialogPane.class);
        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        waitUntil(() -> robot.lookup(id).tryQuery().isEmpty());
        return notice;
    }
}
