package org.a2clab.media;

import java.awt.image.IndexColorModel;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fixed 256-entry palette for flat drawings: the drawing's own colours exactly, each also
 * blended ¼, ½ and ¾ into the background (the shades anti-aliased edges take), then a colour cube
 * for anything else, and index 255 kept for "transparent". One palette for a whole animation
 * means no per-frame colour table and stable colours from frame to frame.
 */
public final class GifPalette {
    /** The index that means "unchanged since the previous frame". */
    public static final int TRANSPARENT = 255;
    private static final int[] CUBE_LEVELS = {0x00, 0x33, 0x66, 0x99, 0xCC, 0xFF};

    private final int[] rgb;
    private final IndexColorModel colorModel;
    private final Map<Integer, Byte> nearest = new HashMap<>();

    private GifPalette(int[] rgb) {
        this.rgb = rgb;
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < rgb.length; i++) {
            r[i] = (byte) (rgb[i] >> 16);
            g[i] = (byte) (rgb[i] >> 8);
            b[i] = (byte) rgb[i];
        }
        colorModel = new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /**
     * A palette for a drawing on {@code background} in {@code colours} (0xRRGGBB; alpha ignored).
     * Up to 62 colours fit with their blends; more is a programming error.
     */
    public static GifPalette forDrawing(int background, int... colours) {
        Set<Integer> entries = new LinkedHashSet<>();
        entries.add(background & 0xFFFFFF);
        for (int c : colours) {
            entries.add(c & 0xFFFFFF);
        }
        if (4 * entries.size() > TRANSPARENT) {
            throw new IllegalArgumentException(entries.size() + " colours do not fit with their blends");
        }
        for (int c : colours) {
            for (int quarter = 1; quarter <= 3; quarter++) {
                entries.add(blend(background, c, quarter / 4.0));
            }
        }
        for (int i = 0; i < CUBE_LEVELS.length * CUBE_LEVELS.length * CUBE_LEVELS.length
                && entries.size() < TRANSPARENT; i++) {
            entries.add(CUBE_LEVELS[i / 36] << 16 | CUBE_LEVELS[i / 6 % 6] << 8 | CUBE_LEVELS[i % 6]);
        }
        int[] rgb = new int[TRANSPARENT];
        int k = 0;
        for (int c : entries) {
            rgb[k++] = c;
        }
        return new GifPalette(rgb);
    }

    private static int blend(int from, int to, double t) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double a = from >> shift & 0xFF;
            double b = to >> shift & 0xFF;
            out |= (int) Math.round(a + (b - a) * t) << shift;
        }
        return out;
    }

    /** The palette index nearest to {@code argb} (alpha ignored); never {@link #TRANSPARENT}. */
    public int indexOf(int argb) {
        int key = argb & 0xFFFFFF;
        Byte cached = nearest.get(key);
        if (cached != null) {
            return cached & 0xFF;
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < rgb.length; i++) {
            long d = distance(key, rgb[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        nearest.put(key, (byte) best);
        return best;
    }

    /** Squared distance with the eye's rough weights for red, green and blue. */
    private static long distance(int a, int b) {
        long dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        long dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        long db = (a & 0xFF) - (b & 0xFF);
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    }

    /** The colour of an index as 0xRRGGBB. */
    public int rgb(int index) {
        return rgb[index];
    }

    /** 256 entries, {@link #TRANSPARENT} marked transparent. */
    public IndexColorModel colorModel() {
        return colorModel;
    }
}
