package org.trustml.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.io.Json;

/** The peers' fixtures under {@code src/test/resources/shap} (made by {@code src/test/python/make_shap_fixtures.py}). */
final class ShapFixtures {
    private ShapFixtures() {}

    static Path path(String name) {
        try {
            return Path.of(ShapFixtures.class.getResource("/shap/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String name) {
        try (InputStream in = ShapFixtures.class.getResourceAsStream("/shap/" + name)) {
            return Json.reader().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers (null is NaN: a missing value). */
    static double[] vector(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode a) {
        double[][] m = new double[a.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(a.get(i));
        }
        return m;
    }

    static int[] ints(JsonNode a) {
        int[] v = new int[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asInt();
        }
        return v;
    }

    static List<String> names(int d) {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            n.add("f" + j);
        }
        return n;
    }
}
