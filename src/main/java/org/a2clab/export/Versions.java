package org.a2clab.export;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.a2clab.agent.DjlRuntime;

/** The versions of A2C Lab, DJL and PyTorch that wrote a bundle. */
public record Versions(String a2cLab, String djl, String pytorch) {
    /** The running versions; the A2C Lab version is filtered into build.properties by Maven. */
    public static Versions current() {
        return new Versions(appVersion(), Engine.getDjlVersion(), DjlRuntime.engineVersion());
    }

    static String appVersion() {
        try (InputStream in = Versions.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
