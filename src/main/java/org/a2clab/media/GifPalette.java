package org.a2clab.media;

import java.awt.image.IndexColorModel;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A fixed 256-entry palette for flat drawings: the drawing's own colours exactly, each also
 * blended ⅛, ¼, ½ and ¾ into the background (the shades of anti-aliased edges and light
 * translucent fills), a 5×5×5 colour cube and greys for anything else, and index 255 kept for
 * "transparent". One palette for a whole animation means no per-frame colour table and stable
 * colours from frame to frame. Not thread-safe: its cache of nearest colours serves one encoder.
 */
public final class GifPalette {
    /** The index that means "unchanged since the previous frame". */
    public static final int TRANSPARENT = 255;
    private static final int[] CUBE_LEVELS = {0x00, 0x40, 0x80, 0xC0, 0xFF};
    private static final double[] BLENDS = {1 / 8.0, 1 / 4.0, 1 / 2.0, 3 / 4.0};
    /** Background, colours and their blends fit beside the cube with this many colours at most. */
    public static final int MAX_COLOURS = (TRANSPARENT - 125 - 1) / (1 + BLENDS.length);

    private final int[] rgb;
    private final IndexColorModel colorModel;
    /**
     * Nearest index by colour, open addressing on a mixed hash: a HashMap of boxed 0xRRGGBB keys
     * collided into tree bins and took half of a GIF's encoding time. Slots hold rgb + 1 (0 = free).
     */
    private int[] cachedKeys = new int[1 << 12];
    private byte[] cachedIndices = new byte[1 << 12];
    private int cached;

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
     * At most {@link #MAX_COLOURS}; more is a programming error.
     */
    public static GifPalette forDrawing(int background, int... colours) {
        Set<Integer> entries = new LinkedHashSet<>();
        entries.add(background & 0xFFFFFF);
        for (int c : colours) {
            entries.add(c & 0xFFFFFF);
        }
        if (entries.size() - 1 > MAX_COLOURS) {
            throw new IllegalArgumentException((entries.size() - 1) + " colours; at most " + MAX_COLOURS + " fit");
        }
        for (int c : colours) {
            for (double t : BLENDS) {
                entries.add(blend(background, c, t));
            }
        }
        int n = CUBE_LEVELS.length;
        for (int i = 0; i < n * n * n; i++) {
            entries.add(CUBE_LEVELS[i / (n * n)] << 16 | CUBE_LEVELS[i / n % n] << 8 | CUBE_LEVELS[i % n]);
        }
        // 0x13 is odd, so stepping by it modulo 256 reaches every grey once, spread over the range
        for (int grey = 0x08; entries.size() < TRANSPARENT; grey = (grey + 0x13) & 0xFF) {
            entries.add(grey << 16 | grey << 8 | grey);
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
        int slot = slot(cachedKeys, key);
        if (cachedKeys[slot] != 0) {
            return cachedIndices[slot] & 0xFF;
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
        remember(key, best);
        return best;
    }

    /** The slot of {@code key} in {@code keys}, or the free one where it belongs. */
    private static int slot(int[] keys, int key) {
        int h = key * 0x9E3779B1;
        int mask = keys.length - 1;
        int i = (h ^ h >>> 15) & mask;
        while (keys[i] != 0 && keys[i] != key + 1) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void remember(int key, int index) {
        if (2 * (cached + 1) > cachedKeys.length) {
            int[] oldKeys = cachedKeys;
            byte[] oldIndices = cachedIndices;
            cachedKeys = new int[oldKeys.length * 2];
            cachedIndices = new byte[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int s = slot(cachedKeys, oldKeys[i] - 1);
                    cachedKeys[s] = oldKeys[i];
                    cachedIndices[s] = oldIndices[i];
                }
            }
        }
        int s = slot(cachedKeys, key);
        cachedKeys[s] = key + 1;
        cachedIndices[s] = (byte) index;
        cached++;
    }

    /** Squared distance with the eye's rough weights for red, green and blue. */
    private static long distance(int a, int b) {
        long dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        long dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        long db = (a & 0xFF) - (b & 0xFF);
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db;
    }

    /** The colour of an index below {@link #TRANSPARENT} as 0xRRGGBB. */
    public int rgb(int index) {
        return rgb[index];
    }

    /** 256 entries, {@link #TRANSPARENT} marked transparent. */
    public IndexColorModel colorModel() {
        return colorModel;
    }
}
