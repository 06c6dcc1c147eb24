package org.a2clab.ui.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A Region holding a Canvas that follows its size (resized in layoutChildren, as Ensemble8
 * does). Two ways to paint: panes driven by the animation pulse ask {@link #takeSizeChanged()}
 * and paint when they choose; panes driven by events override {@link #draw} and call
 * {@link #redraw()} when their data changes, and are redrawn on every resize.
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();
    private final boolean redrawOnResize;
    private boolean sizeChanged = true;

    /** A pane painted on pulses by its owner. */
    protected CanvasPane() {
        this.redrawOnResize = false;
        getChildren().add(canvas);
        setMinSize(120, 80);
    }

    /** A pane that paints itself through {@link #draw}, on each resize and each {@link #redraw()}. */
    protected CanvasPane(double prefWidth, double prefHeight) {
        this.redrawOnResize = true;
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(80, 60);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            sizeChanged = true;
            if (redrawOnResize) {
                redraw();
            }
        }
    }

    /** True once after each resize, so the owner repaints even when no data changed. */
    public boolean takeSizeChanged() {
        boolean changed = sizeChanged;
        sizeChanged = false;
        return changed;
    }

    /** Clears the canvas and paints it again through {@link #draw}. */
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    /** Paints the whole {@code w}×{@code h} canvas; panes painted on pulses paint elsewhere. */
    protected void draw(GraphicsContext g, double w, double h) {
    }
}
