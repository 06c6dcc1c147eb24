package org.a2clab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link Canvas2D} on a {@code Graphics2D} (e.g. of a BufferedImage), anti-aliased like the
 * JavaFX canvas, with the JavaFX defaults: square line caps, width 1, left/alphabetic text.
 * Plain Java, so pictures can be drawn on any thread and without a display.
 */
public final class Java2DCanvas implements Canvas2D {
    private static final Font SANS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Everything {@link #save} keeps; Graphics2D applies the paint, stroke and font. */
    private static final class State {
        Color fill = Color.BLACK;
        Color stroke = Color.BLACK;
        float lineWidth = 1;
        int cap = BasicStroke.CAP_SQUARE;
        float[] dashes;
        Font font = SANS;
        TextAlign align = TextAlign.LEFT;
        Baseline baseline = Baseline.ALPHABETIC;

        State copy() {
            State s = new State();
            s.fill = fill;
            s.stroke = stroke;
            s.lineWidth = lineWidth;
            s.cap = cap;
            s.dashes = dashes;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            return s;
        }
    }

    private final Graphics2D g;
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();

    public Java2DCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    @Override
    public void save() {
        saved.push(state.copy());
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            state = saved.pop();
        }
    }

    private static Color awt(Colour c) {
        return new Color(c.red(), c.green(), c.blue(), (int) Math.round(c.opacity() * 255));
    }

    @Override
    public void setFill(Colour c) {
        state.fill = awt(c);
    }

    @Override
    public void setStroke(Colour c) {
        state.stroke = awt(c);
    }

    @Override
    public void setLineWidth(double width) {
        state.lineWidth = (float) width;
    }

    @Override
    public void setLineCap(LineCap cap) {
        state.cap = cap == LineCap.BUTT ? BasicStroke.CAP_BUTT
                : cap == LineCap.ROUND ? BasicStroke.CAP_ROUND : BasicStroke.CAP_SQUARE;
    }

    @Override
    public void setLineDashes(double... dashes) {
        if (dashes.length == 0) {
            state.dashes = null;
            return;
        }
        state.dashes = new float[dashes.length];
        for (int i = 0; i < dashes.length; i++) {
            state.dashes[i] = (float) dashes[i];
        }
    }

    @Override
    public void setFont(double size, boolean bold) {
        state.font = SANS.deriveFont(bold ? Font.BOLD : Font.PLAIN, (float) size);
    }

    @Override
    public void setTextAlign(TextAlign align) {
        state.align = align;
    }

    @Override
    public void setTextBaseline(Baseline baseline) {
        state.baseline = baseline;
    }

    private void fill(Shape s) {
        g.setColor(state.fill);
        g.fill(s);
    }

    private void stroke(Shape s) {
        g.setColor(state.stroke);
        g.setStroke(new BasicStroke(state.lineWidth, state.cap, BasicStroke.JOIN_MITER, 10, state.dashes, 0));
        g.draw(s);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        stroke(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        fill(new RoundRectangle2D.Double(x, y, w, h, arcW, arcH));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void fillArc(double x, double y, double w, double h, double startAngle, double extent) {
        fill(new Arc2D.Double(x, y, w, h, startAngle, extent, Arc2D.PIE));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        stroke(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        fill(p);
    }

    @Override
    public void fillText(String text, double x, double y) {
        fillText(text, x, y, Double.POSITIVE_INFINITY);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        g.setFont(state.font);
        FontMetrics m = g.getFontMetrics();
        double width = textWidth(text);
        // JavaFX squeezes a too-wide text to maxWidth rather than cutting it
        double squeeze = width > maxWidth ? maxWidth / width : 1;
        double drawn = width * squeeze;
        double left = state.align == TextAlign.LEFT ? x : state.align == TextAlign.CENTER ? x - drawn / 2 : x - drawn;
        double base = state.baseline == Baseline.TOP ? y + m.getAscent()
                : state.baseline == Baseline.CENTER ? y + (m.getAscent() - m.getDescent()) / 2.0 : y;
        AffineTransform before = g.getTransform();
        g.translate(left, base);
        g.scale(squeeze, 1);
        g.setColor(state.fill);
        g.drawString(text, 0f, 0f);
        g.setTransform(before);
    }

    @Override
    public double textWidth(String text) {
        return state.font.getStringBounds(text, g.getFontRenderContext()).getWidth();
    }
}
