package org.a2clab.render;

/**
 * The few drawing calls the cart-pole pictures need, with JavaFX's canvas conventions: y grows
 * downwards, angles in degrees counter-clockwise from 3 o'clock, text anchored by an alignment
 * and a baseline, {@link #save}/{@link #restore} of every setting. Adapters draw it on a JavaFX
 * canvas (the app) or a {@code Graphics2D} ({@link Java2DCanvas}: GIFs and PNGs off the FX thread).
 */
public interface Canvas2D {
    /** Where {@code x} of {@link #fillText} lies on the text. */
    enum TextAlign { LEFT, CENTER, RIGHT }

    /** What {@code y} of {@link #fillText} marks: the text's top, its middle or its baseline. */
    enum Baseline { TOP, CENTER, ALPHABETIC }

    /** How open ends of stroked lines are drawn. */
    enum LineCap { BUTT, ROUND, SQUARE }

    /** Pushes every setting (colours, line, font, text anchoring) on a stack. */
    void save();

    /** Pops the settings {@link #save} pushed. */
    void restore();

    void setFill(Colour c);

    void setStroke(Colour c);

    void setLineWidth(double width);

    void setLineCap(LineCap cap);

    /** Dash and gap lengths for strokes; none for solid lines. */
    void setLineDashes(double... dashes);

    /** The sans-serif UI font ("System" in JavaFX) at {@code size} pixels. */
    void setFont(double size, boolean bold);

    void setTextAlign(TextAlign align);

    void setTextBaseline(Baseline baseline);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** A rectangle with rounded corners; {@code arcW}, {@code arcH} are the corner ellipse's diameters. */
    void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void fillOval(double x, double y, double w, double h);

    /** A pie slice (closed through the centre) of the ellipse in the given box. */
    void fillArc(double x, double y, double w, double h, double startAngle, double extent);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillPolygon(double[] xs, double[] ys, int n);

    void fillText(String text, double x, double y);

    /** As {@link #fillText(String, double, double)}, squeezed horizontally if wider than {@code maxWidth}. */
    void fillText(String text, double x, double y, double maxWidth);

    /** The width {@code text} takes in the current font, for placing labels. */
    double textWidth(String text);
}
