package org.trustml.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each simple class name means one thing across the repository: no two main source files of any module
 * (internal packages included) declare a type of the same name, so {@code MetricValue} or {@code Slice} in a
 * stack trace, an import or the docs is never ambiguous.
 */
class SimpleNamesTest {
    @Test
    void noTwoMainTypesShareASimpleName() {
        Map<String, TreeSet<String>> byName = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ModuleStructureTest.ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                Path src = module.resolve("src/main/java");
                try (Stream<Path> files = Files.walk(src)) {
                    files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
                            .forEach(p -> byName.computeIfAbsent(p.getFileName().toString().replace(".java", ""),
                                    k -> new TreeSet<>()).add(module.getFileName() + "/" + src.relativize(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(byName).hasSizeGreaterThan(300);
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
                .isEmpty();
    }
}
