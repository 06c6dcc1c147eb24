package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

/** What "fits" means for a layout test: no text shortened to "…" or emptied, nothing past the window's edge. */
final class LayoutCheck {
    private LayoutCheck() {
    }

    /** Every showing button, label and cell displays its whole text. */
    static void assertNothingCut(FxRobot robot, Parent root, String where) {
        List<String> cut = fx(() -> {
            List<String> found = new ArrayList<>();
            collect(root, found);
            return found;
        });
        assertTrue(cut.isEmpty(), where + ": shortened or emptied text: " + cut);
    }

    /** The nodes with these ids lie within the window's width and are not squeezed to nothing. */
    static void assertInsideWindow(FxRobot robot, Parent root, String... ids) {
        for (String id : ids) {
            String problem = fx(() -> {
                Node n = root.lookup(id);
                if (n == null) {
                    return id + " not found";
                }
                Bounds b = n.localToScene(n.getLayoutBounds());
                double width = root.getScene().getWidth();
                if (b.getMinX() < -0.5 || b.getMaxX() > width + 0.5) {
                    return id + " spans x " + b.getMinX() + " … " + b.getMaxX() + " in a " + width + " px window";
                }
                if (b.getWidth() < 16) {
                    return id + " is squeezed to " + b.getWidth() + " px";
                }
                return null;
            });
            assertTrue(problem == null, problem);
        }
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled) {
            Labeled l = (Labeled) node;
            String full = l.getText();
            if (full != null && l.isMnemonicParsing()) {
                full = full.replaceFirst("_(?=.)", ""); // "_File" shows as "File" with an underline
            }
            Node shown = l.lookup(".text");
            if (full != null && !full.isBlank() && shown instanceof Text) {
                String text = ((Text) shown).getText();
                if (!full.equals(text)) {
                    cut.add("'" + full + "' shown as '" + text + "'" + (l.getId() == null ? "" : " (#" + l.getId() + ")"));
                }
            }
        }
        if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
