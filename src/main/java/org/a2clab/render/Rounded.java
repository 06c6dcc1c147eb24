package org.a2clab.render;

import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers as text, where a value that rounds to zero reads "0.0", never "-0.0" (nor "+0.0"). */
public final class Rounded {
    /** A sign before a number whose digits are all zero, e.g. the "-0.00" that -0.001 formats to. */
    private static final Pattern SIGNED_ZERO = Pattern.compile("(?<![\\d.])[-+](?=0(\\.0+)?(?![\\d.]))");

    private Rounded() {
    }

    /** {@code text} with every "-0.0…" (and "+0.0…") shown as "0.0…", for captions that format several numbers at once. */
    public static String unsignedZeros(String text) {
        return SIGNED_ZERO.matcher(text).replaceAll("");
    }

    /** {@code format} (e.g. "%+.2f N") of {@code v}; a v that rounds to zero reads "0.00", without a sign. */
    public static String format(String format, double v) {
        return unsignedZeros(String.format(Locale.ROOT, format, v));
    }
}
