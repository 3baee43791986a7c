package org.trustml.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that cannot take the previous stage's output must not compile. */
class TypedPipelineCompileTest {
    @TempDir
    Path dir;

    private List<String> compile(String body) throws IOException {
        Path src = Files.writeString(dir.resolve("Check.java"), """
                import java.nio.file.Path;
                import org.trustml.core.pipeline.*;
                import org.trustml.core.stages.*;
                import org.trustml.core.table.*;
                class Check {
                    void check(Stage<String, Integer> parse) {
                        %s
                    }
                }
                """.formatted(body));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            javac.getTask(null, files, diagnostics, List.of("-classpath", classpath, "-d", dir.toString()), null,
                    files.getJavaFileObjects(src)).call();
        }
        return diagnostics.getDiagnostics().stream().map(d -> d.getMessage(null)).toList();
    }

    @Test
    void matchingStagesCompile() throws IOException {
        assertThat(compile("Pipeline<Table> p = Pipeline.from(Ingest.csv(Path.of(\"x.csv\")))"
                + ".then(Filter.rows(r -> true));")).isEmpty();
    }

    @Test
    void aStageThatTakesAnotherTypeDoesNotCompile() throws IOException {
        List<String> errors = compile("Pipeline.from(Ingest.csv(Path.of(\"x.csv\"))).then(parse);");
        assertThat(errors).isNotEmpty();
        assertThat(String.join("\n", errors)).contains("cannot be converted to org.trustml.core.pipeline.Stage<? super org.trustml.core.table.Table");
    }
}
