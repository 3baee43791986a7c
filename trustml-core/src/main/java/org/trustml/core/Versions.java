package org.trustml.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of trustml and of the libraries it was built against, read from the jar. */
public final class Versions {
    private static final String RESOURCE = "version.properties";

    private Versions() {}

    /** trustml's own version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String trustml() {
        return load().getProperty("trustml.version", "unknown");
    }

    /** The DJL version trustml was built against. */
    public static String djl() {
        return load().getProperty("djl.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
