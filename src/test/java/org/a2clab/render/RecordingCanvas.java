package org.a2clab.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A {@link Canvas2D} that writes down every call (name and arguments) and passes it on. */
public final class RecordingCanvas implements Canvas2D {
    private final Canvas2D target;
    private final List<String> calls = new ArrayList<>();

    public RecordingCanvas(Canvas2D target) {
        this.target = target;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    private void log(String name, Object... args) {
        calls.add(name + Arrays.deepToString(args));
    }

    @Override
    public void save() {
        log("save");
        target.save();
    }

    @Override
    public void restore() {
        log("restore");
        target.restore();
    }

    @Override
    public void setFill(Colour c) {
        log("setFill", c);
        target.setFill(c);
    }

    @Override
    public void setStroke(Colour c) {
        log("setStroke", c);
        target.setStroke(c);
    }

    @Override
    public void setLineWidth(double width) {
        log("setLineWidth", width);
        target.setLineWidth(width);
    }

    @Override
    public void setLineCap(LineCap cap) {
        log("setLineCap", cap);
        target.setLineCap(cap);
    }

    @Override
    public void setLineDashes(double... dashes) {
        log("setLineDashes", dashes);
        target.setLineDashes(dashes);
    }

    @Override
    public void setFont(double size, boolean bold) {
        log("setFont", size, bold);
        target.setFont(size, bold);
    }

    @Override
    public void setTextAlign(TextAlign align) {
        log("setTextAlign", align);
        target.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(Baseline baseline) {
        log("setTextBaseline", baseline);
        target.setTextBaseline(baseline);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        log("fillRect", x, y, w, h);
        target.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        log("strokeRect", x, y, w, h);
        target.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        log("fillRoundRect", x, y, w, h, arcW, arcH);
        target.fillRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        log("fillOval", x, y, w, h);
        target.fillOval(x, y, w, h);
    }

    @Override
    public void fillArc(double x, double y, double w, double h, double startAngle, double extent) {
        log("fillArc", x, y, w, h, startAngle, extent);
        target.fillArc(x, y, w, h, startAngle, extent);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        log("strokeLine", x1, y1, x2, y2);
        target.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        log("fillPolygon", xs, ys, n);
        target.fillPolygon(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        log("fillText", text, x, y);
        target.fillText(text, x, y);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        log("fillText", text, x, y, maxWidth);
        target.fillText(text, x, y, maxWidth);
    }

    @Override
    public double textWidth(String text) {
        log("textWidth", text);
        return target.textWidth(text);
    }
}
