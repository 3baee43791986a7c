package org.trustml.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;

/** Runs small @TrustmlTest classes through the JUnit Platform and checks what the extension did. */
class TrustmlExtensionTest {
    static final Path RUNS = Path.of("target", "trustml-extension-test").toAbsolutePath();
    static final AtomicInteger SOURCE_CALLS = new AtomicInteger();
    static final List<NDManager> MANAGERS = new CopyOnWriteArrayList<>();
    static final List<Path> WORK_DIRS = new CopyOnWriteArrayList<>();

    /** Makes the evaluation the way a real source would: runs a (tiny) pipeline in the work directory. */
    public static final class PipelineSource implements EvaluationSource {
        @Override
        public EvaluatedRun evaluate(EvaluationContext context) {
            SOURCE_CALLS.incrementAndGet();
            WORK_DIRS.add(context.workDirectory());
            PipelineRun<?> run = Fixtures.blessedRun(context.workDirectory(), Fixtures.evaluation(),
                    Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8));
            return EvaluatedRun.of(run).withModelCard(ModelCards.template());
        }
    }

    @TrustmlTest(source = PipelineSource.class)
    static class SourcedGates {
        @Test
        void injectsTheEvaluationItsRunAndAManager(MetricSource evaluation, Evaluation same, EvaluatedRun run,
                NDManager manager, Verdict verdict, ModelCard card) {
            MANAGERS.add(manager);
            assertThat(same).isSameAs(evaluation);
            assertThat(run.evaluation()).isSameAs(evaluation);
            assertThat(verdict.blessed()).isTrue();
            assertThat(card).isNotNull();
            assertThat(manager.create(new float[] {1, 2}).sum().getFloat()).isEqualTo(3f); // 1 + 2
            TrustmlAssertions.assertThat(run).accuracy().isAtLeast(0.8);
        }

        @Test
        void failsWithTheRunId(EvaluatedRun run) {
            TrustmlAssertions.assertThat(run).accuracy().isAtLeast(0.9); // fails on purpose: 0.82
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingEvaluation(NDManager manager) {
                MANAGERS.add(manager);
            }
        }
    }

    @TrustmlTest(run = "target/trustml-extension-test/saved")
    static class SavedRunGates {
        @Test
        void loadsTheSavedRun(EvaluatedRun run) {
            TrustmlAssertions.assertThat(run).accuracy().isAtLeast(0.8);
        }
    }

    @TrustmlTest(run = "target/trustml-extension-test/nowhere")
    static class MissingRun {
        @Test
        void neverRuns() {}
    }

    @TrustmlTest(run = "target/trustml-extension-test/no-evaluation")
    static class RunWithoutEvaluation {
        @Test
        void neverRuns() {}
    }

    @TrustmlTest
    static class NeitherSourceNorRun {
        @Test
        void neverRuns() {}
    }

    /** What a launcher run reported. */
    record Outcome(SummaryGeneratingListener summary, List<ReportEntry> entries, List<FileEntry> files,
            Map<String, TestExecutionResult> results) {}

    static Outcome run(Class<?> testClass) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        List<ReportEntry> entries = new CopyOnWriteArrayList<>();
        List<FileEntry> files = new CopyOnWriteArrayList<>();
        Map<String, TestExecutionResult> results = new java.util.concurrent.ConcurrentHashMap<>();
        TestExecutionListener capture = new TestExecutionListener() {
            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                entries.add(entry);
            }

            @Override
            public void fileEntryPublished(TestIdentifier id, FileEntry file) {
                files.add(file);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                results.put(id.getDisplayName(), result);
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameter("junit.platform.reporting.output.dir", RUNS.resolve("reports").toString())
                .build();
        LauncherFactory.create().execute(request, summary, capture);
        return new Outcome(summary, entries, files, results);
    }

    @BeforeAll
    static void savedRuns() throws Exception {
        PipelineRun<?> saved = Fixtures.blessedRun(RUNS.resolve("runs"), Fixtures.evaluation(), Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8));
        copy(saved.runDirectory(), RUNS.resolve("saved"));
        ModelCards.write(ModelCards.template(), RUNS.resolve("saved/model-card.yaml"));
        Path noEval = RUNS.resolve("no-evaluation");
        Files.createDirectories(noEval);
        Files.copy(saved.recordFile(), noEval.resolve("run.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String json = Files.readString(noEval.resolve("run.json")).replace("\"evaluation.json\"", "\"other.json\"");
        Files.writeString(noEval.resolve("run.json"), json);
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void runsTheSourceOnceInjectsClosesAndPublishes() {
        SOURCE_CALLS.set(0);
        MANAGERS.clear();
        WORK_DIRS.clear();
        Outcome o = run(SourcedGates.class);
        // 3 tests: 2 in the class, 1 nested; one fails on purpose
        assertThat(o.summary().getSummary().getTestsSucceededCount()).isEqualTo(2);
        assertThat(o.summary().getSummary().getTestsFailedCount()).isEqualTo(1);
        assertThat(SOURCE_CALLS).hasValue(1);
        assertThat(o.results().get("failsWithTheRunId(EvaluatedRun)").getThrowable()).get()
                .extracting(Throwable::getMessage).asString()
                .matches("expecting accuracy to be at least 0\\.9 but was 0\\.82 \\(run [0-9a-f]{32}\\)");
        assertThat(MANAGERS).hasSize(2);
        assertThat(MANAGERS.get(0)).isSameAs(MANAGERS.get(1));
        assertThat(MANAGERS.get(0).isOpen()).isFalse();
        assertThat(WORK_DIRS).singleElement().satisfies(d -> assertThat(d).doesNotExist());
        assertThat(o.entries()).anySatisfy(e -> assertThat(e.getKeyValuePairs()).containsKey("trustml.run"))
                .anySatisfy(e -> assertThat(e.getKeyValuePairs()).containsEntry("trustml.verdict", "BLESSED (1 gates passed)"));
        assertThat(o.files()).extracting(f -> f.getPath().getFileName().toString())
                .contains("evaluation.json", "verdict.json", "model-card.html", "model-card.yaml");
    }

    @Test
    void loadsASavedRunDirectory() {
        Outcome o = run(SavedRunGates.class);
        assertThat(o.summary().getSummary().getTestsSucceededCount()).isEqualTo(1);
        assertThat(o.files()).extracting(f -> f.getPath().getFileName().toString()).contains("model-card.html");
    }

    @Test
    void badConfigurationFailsTheClassAndSaysWhy() {
        assertThat(classFailure(MissingRun.class)).contains("run.json").contains("does not exist");
        assertThat(classFailure(RunWithoutEvaluation.class)).contains("has no evaluation.json artifact")
                .contains("a run with an evaluate stage");
        assertThat(classFailure(NeitherSourceNorRun.class)).contains("needs exactly one of source");
    }

    private static String classFailure(Class<?> testClass) {
        Outcome o = run(testClass);
        return o.results().entrySet().stream().filter(e -> e.getKey().endsWith(testClass.getSimpleName()))
                .findFirst().orElseThrow().getValue().getThrowable().map(Throwable::getMessage).orElse("passed");
    }
}
