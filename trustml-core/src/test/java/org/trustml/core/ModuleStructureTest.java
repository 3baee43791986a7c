package org.trustml.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code base (docs/design.md, "Modules"), checked on the sources of every module of the
 * repository: no module imports another module's {@code internal} package, core imports no other trustml
 * module, and in no module do packages depend on each other in a cycle. A source depends on the packages
 * it imports (single-type, static and on-demand imports) and on those it names by a qualified name in its
 * code (comments and string literals left out).
 */
class ModuleStructureTest {
    /** The repository root: this module's parent folder. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+?)(?:\\.\\*)?;", Pattern.MULTILINE);
    /** A qualified name in code, {@code org.trustml.drift.DriftTest}: its package is group 1. */
    static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.trustml(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    /** Text blocks, comments, string and character literals: text that names no dependency. */
    static final Pattern NOT_CODE = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"|/\\*[\\s\\S]*?\\*/|//[^\\n]*+"
            + "|\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"|'(?:\\\\.|[^'\\\\\\n])'");

    record Source(String module, String pkg, Set<String> importedPackages) {}

    static List<Source> sources() {
        List<Source> all = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        String text = Files.readString(f);
                        Matcher p = PACKAGE.matcher(text);
                        if (!p.find()) {
                            continue;
                        }
                        String code = NOT_CODE.matcher(text).replaceAll(" ");
                        Set<String> imported = new TreeSet<>();
                        Matcher i = IMPORT.matcher(code);
                        while (i.find()) {
                            imported.add(packageOf(i.group(1)));
                        }
                        Matcher q = QUALIFIED.matcher(code);
                        while (q.find()) {
                            imported.add(q.group(1));
                        }
                        all.add(new Source(module.getFileName().toString(), p.group(1), imported));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** The package of an imported name: its parts up to the first capitalised one. */
    static String packageOf(String name) {
        StringBuilder s = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            s.append(s.length() == 0 ? "" : ".").append(part);
        }
        return s.toString();
    }

    @Test
    void theModulesAreAllRead() {
        Set<String> modules = new TreeSet<>();
        sources().forEach(s -> modules.add(s.module()));
        assertThat(modules).contains("trustml-core", "trustml-vision", "trustml-fairness", "trustml-cli");
    }

    @Test
    void noModuleImportsAnotherModulesInternalPackage() {
        Map<String, String> owner = new HashMap<>();
        List<Source> all = sources();
        all.forEach(s -> owner.put(s.pkg(), s.module()));
        List<String> offences = new ArrayList<>();
        for (Source s : all) {
            for (String p : s.importedPackages()) {
                String o = owner.get(p);
                if ((p.endsWith(".internal") || p.contains(".internal.")) && o != null && !o.equals(s.module())) {
                    offences.add(s.module() + " (" + s.pkg() + ") imports " + p + " of " + o);
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void coreImportsNoOtherTrustmlModule() {
        List<String> offences = new ArrayList<>();
        for (Source s : sources()) {
            if (s.module().equals("trustml-core")) {
                s.importedPackages().stream().filter(p -> p.startsWith("org.trustml.") && !p.startsWith("org.trustml.core"))
                        .forEach(p -> offences.add(s.pkg() + " imports " + p));
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void onlyTheS3ModuleImportsTheAwsSdk() {
        List<String> offences = new ArrayList<>();
        boolean seen = false;
        for (Source s : sources()) {
            boolean aws = s.importedPackages().stream().anyMatch(p -> p.startsWith("software.amazon.awssdk"));
            seen |= aws && s.module().equals("trustml-s3");
            if (aws && !s.module().equals("trustml-s3")) {
                offences.add(s.module() + ": " + s.pkg());
            }
        }
        assertThat(seen).as("the check sees trustml-s3's imports of the SDK").isTrue();
        assertThat(offences).isEmpty();
    }

    @Test
    void packagesDoNotDependOnEachOtherInACycle() {
        Map<String, Map<String, Set<String>>> modules = new TreeMap<>();
        for (Source s : sources()) {
            Set<String> out = modules.computeIfAbsent(s.module(), k -> new TreeMap<>())
                    .computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            s.importedPackages().stream().filter(p -> !p.equals(s.pkg()) && p.startsWith("org.trustml"))
                    .forEach(out::add);
        }
        assertThat(modules).as("modules checked").containsKeys("trustml-core", "trustml-adversarial", "trustml-drift",
                "trustml-modelcard", "trustml-cli", "trustml-bench", "samples");
        Map<String, List<Set<String>>> found = new TreeMap<>();
        modules.forEach((module, edges) -> {
            List<Set<String>> cycles = cycles(edges);
            if (!cycles.isEmpty()) {
                found.put(module, cycles);
            }
        });
        assertThat(found).as("package cycles per module").isEmpty();
    }

    /** Strongly connected sets of more than one package (Tarjan), restricted to the packages in {@code edges}. */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, edges, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, List<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        onStack.add(v);
        for (String w : edges.get(v)) {
            if (!edges.containsKey(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
