package org.a2clab.ui.render;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.a2clab.render.Canvas2D;
import org.a2clab.render.Colour;

/** {@link Canvas2D} on a JavaFX canvas: each call is the GraphicsContext call of the same name. */
public final class FxCanvas implements Canvas2D {
    private final GraphicsContext g;

    public FxCanvas(GraphicsContext g) {
        this.g = g;
    }

    /** The JavaFX colour of {@code c}, for overlays drawn straight on a GraphicsContext. */
    public static Color color(Colour c) {
        return Color.rgb(c.red(), c.green(), c.blue(), c.opacity());
    }

    /** The font {@link #setFont} selects. */
    public static Font font(double size, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void setFill(Colour c) {
        g.setFill(color(c));
    }

    @Override
    public void setStroke(Colour c) {
        g.setStroke(color(c));
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void setLineCap(LineCap cap) {
        g.setLineCap(StrokeLineCap.valueOf(cap.name()));
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes.length == 0 ? null : dashes);
    }

    @Override
    public void setFont(double size, boolean bold) {
        g.setFont(font(size, bold));
    }

    @Override
    public void setTextAlign(TextAlign align) {
        g.setTextAlign(TextAlignment.valueOf(align.name()));
    }

    @Override
    public void setTextBaseline(Baseline baseline) {
        g.setTextBaseline(baseline == Baseline.TOP ? VPos.TOP : baseline == Baseline.CENTER ? VPos.CENTER : VPos.BASELINE);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        g.fillRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void fillArc(double x, double y, double w, double h, double startAngle, double extent) {
        g.fillArc(x, y, w, h, startAngle, extent, ArcType.ROUND);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        g.fillText(text, x, y, maxWidth);
    }

    @Override
    public double textWidth(String text) {
        Text measure = new Text(text);
        measure.setFont(g.getFont());
        return measure.getLayoutBounds().getWidth();
    }
}
