package org.trustml.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Smile is GPL-3, so only {@code trustml-smile} may use it and only {@code samples} may depend on
 * {@code trustml-smile} (trustml-smile/README.md; docs/design.md, "Modules"). Checked on the sources:
 * each module's pom and imports.
 */
class GplIsolationTest {
    /** Modules allowed to name trustml-smile in their pom, or to import Smile and trustml-smile. */
    static final Set<String> ALLOWED = Set.of("trustml-smile", "samples");

    @Test
    void onlySamplesDependOnTrustmlSmile() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ModuleStructureTest.ROOT)) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).toList()) {
                String name = module.getFileName().toString();
                String pom = Files.readString(module.resolve("pom.xml"));
                if (!ALLOWED.contains(name) && (pom.contains("<artifactId>trustml-smile</artifactId>")
                        || pom.contains("<groupId>com.github.haifengl</groupId>"))) {
                    offences.add(name + "/pom.xml");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void onlyTrustmlSmileAndSamplesImportSmile() {
        List<String> offences = new ArrayList<>();
        for (ModuleStructureTest.Source s : ModuleStructureTest.sources()) {
            if (!ALLOWED.contains(s.module())) {
                s.importedPackages().stream().filter(p -> p.equals("smile") || p.startsWith("smile.")
                        || p.startsWith("org.trustml.smile")).forEach(p -> offences.add(s.module() + " (" + s.pkg()
                                + ") imports " + p));
            }
        }
        assertThat(offences).isEmpty();
    }
}
