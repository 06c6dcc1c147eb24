package org.a2clab.ui.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A Region holding a Canvas that follows its size (resized in layoutChildren, as Ensemble8
 * does). Subclasses paint on demand; a resize marks them for repainting.
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean sizeChanged = true;

    protected CanvasPane() {
        getChildren().add(canvas);
        setMinSize(120, 80);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            sizeChanged = true;
        }
    }

    /** True once after each resize, so the owner repaints even when no data changed. */
    public boolean takeSizeChanged() {
        boolean changed = sizeChanged;
        sizeChanged = false;
        return changed;
    }
}
