package org.a2clab.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.a2clab.io.AtomicFiles;

/**
 * A small headless chart for the CLI's PNG reports (java.awt only, no JavaFX, no display): lines
 * with optional 95% bands, or points with interval bars over categorical x values. Non-finite
 * y values are left out.
 */
final class Plot {
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f)};
    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 190;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    /** One series: x, y, and optional band/interval ends (null: none). */
    record Series(String label, double[] x, double[] y, double[] low, double[] high) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private String[] categories;

    Plot(String title, String xLabel, String yLabel) {
        System.setProperty("java.awt.headless", "true");
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    Plot add(Series s) {
        series.add(s);
        return this;
    }

    /** Draws x = 0, 1, … as these labels with interval bars instead of lines. */
    Plot categorical(String[] labels) {
        this.categories = labels;
        return this;
    }

    void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double[] xr = range(true);
        double[] yr = range(false);
        if (categories != null) {
            xr = new double[] {-0.5, categories.length - 0.5};
        }
        axes(g, xr, yr);
        for (int k = 0; k < series.size(); k++) {
            draw(g, series.get(k), PALETTE[k % PALETTE.length], xr, yr);
            legend(g, series.get(k).label(), PALETTE[k % PALETTE.length], k);
        }
        g.dispose();
        AtomicFiles.write(file, temp -> ImageIO.write(image, "png", temp.toFile()));
    }

    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] values : x ? new double[][] {s.x()} : new double[][] {s.y(), s.low(), s.high()}) {
                if (values == null) {
                    continue;
                }
                for (double v : values) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        if (lo == hi) {
            return new double[] {lo - 1, hi + 1};
        }
        double pad = x ? 0 : (hi - lo) * 0.05;
        return new double[] {x ? lo : Math.min(0, lo - pad), hi + pad};
    }

    private static int px(double x, double[] xr) {
        return LEFT + (int) Math.round((x - xr[0]) / (xr[1] - xr[0]) * (W - LEFT - RIGHT));
    }

    private static int py(double y, double[] yr) {
        return H - BOTTOM - (int) Math.round((y - yr[0]) / (yr[1] - yr[0]) * (H - TOP - BOTTOM));
    }

    private void axes(Graphics2D g, double[] xr, double[] yr) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            double y = yr[0] + (yr[1] - yr[0]) * i / 5;
            int p = py(y, yr);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(LEFT + 1, p, W - RIGHT - 1, p);
            g.setColor(Color.BLACK);
            g.drawString(number(y), 10, p + 4);
        }
        if (categories != null) {
            for (int i = 0; i < categories.length; i++) {
                g.drawString(categories[i], px(i, xr) - 4 * categories[i].length(), H - BOTTOM + 18);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                double x = xr[0] + (xr[1] - xr[0]) * i / 5;
                String s = number(x);
                g.drawString(s, px(x, xr) - 4 * s.length(), H - BOTTOM + 18);
            }
        }
        g.drawString(xLabel, LEFT + (W - LEFT - RIGHT) / 2 - 4 * xLabel.length(), H - 25);
        g.drawString(yLabel, 10, TOP - 8);
    }

    private void draw(Graphics2D g, Series s, Color c, double[] xr, double[] yr) {
        if (categories != null) {
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < s.x().length; i++) {
                int x = px(s.x()[i], xr);
                if (s.low() != null && Double.isFinite(s.low()[i])) {
                    // an infinite upper end (unsolved runs) is drawn to the top of the chart
                    double high = Double.isFinite(s.high()[i]) ? s.high()[i] : yr[1];
                    g.setColor(c);
                    g.drawLine(x, py(s.low()[i], yr), x, py(high, yr));
                    g.drawLine(x - 6, py(s.low()[i], yr), x + 6, py(s.low()[i], yr));
                    g.drawLine(x - 6, py(high, yr), x + 6, py(high, yr));
                }
                if (Double.isFinite(s.y()[i])) {
                    g.fillOval(x - 5, py(s.y()[i], yr) - 5, 10, 10);
                }
            }
            return;
        }
        if (s.low() != null) {
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            Path2D band = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.high()[i])) {
                    if (!started) {
                        band.moveTo(px(s.x()[i], xr), py(s.high()[i], yr));
                        started = true;
                    } else {
                        band.lineTo(px(s.x()[i], xr), py(s.high()[i], yr));
                    }
                }
            }
            for (int i = s.x().length - 1; i >= 0 && started; i--) {
                if (Double.isFinite(s.low()[i])) {
                    band.lineTo(px(s.x()[i], xr), py(s.low()[i], yr));
                }
            }
            if (started) {
                band.closePath();
                g.fill(band);
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        Path2D line = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) {
                continue;
            }
            if (!started) {
                line.moveTo(px(s.x()[i], xr), py(s.y()[i], yr));
                started = true;
            } else {
                line.lineTo(px(s.x()[i], xr), py(s.y()[i], yr));
            }
        }
        g.draw(line);
    }

    private static void legend(Graphics2D g, String label, Color c, int k) {
        int y = TOP + 10 + 20 * k;
        g.setColor(c);
        g.fillRect(W - RIGHT + 15, y - 9, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString(label, W - RIGHT + 35, y);
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        if (a >= 10 || a == 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
