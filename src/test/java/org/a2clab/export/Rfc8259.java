package org.a2clab.export;

import com.google.gson.JsonElement;

/** Parses test output as RFC 8259 JSON only (Gson's JsonReader, Strictness.STRICT): a bare NaN fails the test. */
public final class Rfc8259 {
    private Rfc8259() {
    }

    public static JsonElement parse(String text) {
        try {
            return StrictJson.parse(text);
        } catch (StrictJson.Invalid e) {
            throw new AssertionError("not RFC 8259 JSON: " + e.getMessage() + ": " + StrictJson.shorten(text), e);
        }
    }
}
