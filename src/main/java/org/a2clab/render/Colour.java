package org.a2clab.render;

/**
 * A colour for {@link Canvas2D}: 0xRRGGBB and an opacity kept as a double, as JavaFX keeps it,
 * so the app's translucent fills come out exactly as before the painter left JavaFX.
 */
public record Colour(int rgb, double opacity) {
    public Colour {
        rgb &= 0xFFFFFF;
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be 0-1, got " + opacity);
        }
    }

    /** An opaque colour. */
    public static Colour of(int rgb) {
        return new Colour(rgb, 1);
    }

    public Colour withOpacity(double opacity) {
        return new Colour(rgb, opacity);
    }

    public int red() {
        return rgb >> 16 & 0xFF;
    }

    public int green() {
        return rgb >> 8 & 0xFF;
    }

    public int blue() {
        return rgb & 0xFF;
    }
}
