package org.trustml.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.ContentHash;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.RunStatus;
import org.trustml.core.run.StageRecord;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.stages.Transform;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;

class PipelineTest {
    @TempDir
    Path dir;

    private Path metadata() throws IOException {
        return Files.writeString(dir.resolve("metadata.csv"), """
                patientid,finding,filename,age
                1,COVID-19/ARDS,a.png,65
                2,Pneumonia/Viral,b.nii.gz,52
                3,No Finding,c.jpg,
                4,COVID-19,d.png,30
                """, StandardCharsets.UTF_8);
    }

    private Pipeline<Table> seedSteps(Path csv) {
        // The seed's first steps, as the foundation issue writes them.
        return Pipeline.from(Ingest.csv(csv))
                .then(Transform.column("finding", s -> s.replace('/', '_')))
                .then(Filter.rows(r -> !r.string("filename").contains(".gz")));
    }

    @Test
    void seedStepsRunAndAreRecorded() throws IOException {
        Path csv = metadata();
        PipelineRun<Table> run = seedSteps(csv).run(RunOptions.seed(42).withTracker(Tracker.none(dir.resolve("runs"))));

        Table out = run.output();
        assertThat(out.rowCount()).isEqualTo(3);
        assertThat(out.stringColumn("finding").get(0)).isEqualTo("COVID-19_ARDS");

        RunRecord record = run.record();
        assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.seed()).isEqualTo(42);
        assertThat(record.runId()).matches("[0-9a-f]{32}");
        assertThat(record.stages()).extracting(StageRecord::name).containsExactly("ingest", "transform", "filter");
        StageRecord ingest = record.stages().get(0);
        assertThat(ingest.inputHash()).hasValue(ContentHash.ofFile(csv));
        assertThat(ingest.metrics()).containsEntry("rows", 4.0).containsEntry("columns", 4.0);
        assertThat(ingest.config().get("path").asText()).isEqualTo(csv.toString());
        assertThat(ingest.seed()).isEqualTo(Seeds.derive(42, 0, "ingest"));
        // each stage's input is the previous stage's output
        assertThat(record.stages().get(1).inputHash()).isEqualTo(ingest.outputHash());
        assertThat(record.stages().get(2).inputHash()).isEqualTo(record.stages().get(1).outputHash());
        assertThat(record.outputHash()).hasValue(out.contentHash());
        assertThat(record.stages().get(2).metrics()).containsEntry("rows_dropped", 1.0);
        assertThat(record.environment().javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(record.environment().djlVersion()).isEqualTo("0.35.1");
        assertThat(record.environment().trustmlVersion()).isNotBlank().doesNotContain("${");

        assertThat(run.recordFile()).exists();
        RunRecord reread = RunRecord.read(run.recordFile());
        assertThat(reread).isEqualTo(record);
    }

    @Test
    void sameInputAndSeedGiveTheSameRecordApartFromTimestamps() throws IOException {
        Path csv = metadata();
        RunRecord a = seedSteps(csv).run(RunOptions.seed(7).withTracker(Tracker.none(dir.resolve("a")))).record();
        RunRecord b = seedSteps(csv).run(RunOptions.seed(7).withTracker(Tracker.none(dir.resolve("b")))
                .withClock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))).record();
        assertThat(a.runId()).isNotEqualTo(b.runId());
        assertThat(a.reproducible()).isEqualTo(b.reproducible());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());

        RunRecord other = seedSteps(csv).run(RunOptions.seed(8).withTracker(Tracker.none(dir.resolve("c")))).record();
        assertThat(other.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(other.stages().get(0).seed()).isNotEqualTo(a.stages().get(0).seed());
    }

    @Test
    void aFailingStageIsRecordedAsFailedWithItsError() throws IOException {
        Path csv = metadata();
        Pipeline<Table> broken = seedSteps(csv).then(Filter.rows("needs a column that is not there",
                r -> r.number("weight") > 0));
        PipelineException e = catchThrowableOfType(PipelineException.class,
                () -> broken.run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs")))));
        assertThat(e.getMessage()).startsWith("stage 3 'filter-2' failed: column 'weight': does not exist");
        RunRecord record = e.runRecord().orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.FAILED);
        StageRecord failed = record.stages().get(3);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).hasValueSatisfying(m -> assertThat(m).startsWith("InvalidInputException: column 'weight'"));
        assertThat(failed.outputHash()).isEmpty();
        assertThat(record.stages()).hasSize(4);
        Path written = dir.resolve("runs").resolve(record.runId()).resolve("run.json");
        assertThat(RunRecord.read(written)).isEqualTo(record);
    }

    @Test
    void stagesGetTheirSeedDirectoryAndArtifacts() {
        Stage<Void, String> source = new Stage<>() {
            @Override
            public String name() {
                return "source";
            }

            @Override
            public Object config() {
                return java.util.Map.of("k", 1);
            }

            @Override
            public String apply(Void input, RunContext ctx) {
                ctx.writeArtifact("notes/hello.txt", out -> out.write(("seed " + ctx.seed()).getBytes(StandardCharsets.UTF_8)));
                return "s" + ctx.random().nextInt(1000);
            }
        };
        Stage<CharSequence, Integer> length = stage("length", (input, ctx) -> input.length());
        // Stage<CharSequence, …> accepts the String output: 'then' takes Stage<? super O, R>.
        PipelineRun<Integer> run = Pipeline.from(source).then(length)
                .run(RunOptions.seed(3).withTracker(Tracker.none(dir.resolve("runs"))));
        StageRecord s = run.record().stages().get(0);
        assertThat(s.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo("00-source/notes/hello.txt");
            assertThat(run.runDirectory().resolve(a.path())).hasContent("seed " + Seeds.derive(3, 0, "source"));
            assertThat(a.sha256()).isEqualTo(ContentHash.ofFile(run.runDirectory().resolve(a.path())));
        });
        assertThat(run.output()).isBetween(2, 4);
    }

    @Test
    void aRelativeRunsRootWorksAndArtifactsGetTheModeOfANewFile() throws IOException {
        Stage<Void, String> writer = stage("writer", (input, ctx) -> {
            ctx.writeArtifact("report.html", out -> out.write("<p>hi</p>".getBytes(StandardCharsets.UTF_8)));
            return "done";
        });
        // relative to the working directory (the module directory under Maven)
        Path runs = Path.of("target", "relative-runs-" + System.nanoTime());
        try {
            PipelineRun<String> run = Pipeline.from(writer).run(RunOptions.seed(1).withTracker(Tracker.none(runs)));
            Path artifact = run.runDirectory().resolve(run.record().stages().get(0).artifacts().get(0).path());
            assertThat(artifact).hasContent("<p>hi</p>");
            if (Files.getFileStore(artifact).supportsFileAttributeView("posix")) {
                // the same mode as a file created the ordinary way (0666 less the umask), not a temp file's 0600
                Path plain = Files.createFile(artifact.resolveSibling("plain.txt"));
                assertThat(Files.getPosixFilePermissions(artifact)).isEqualTo(Files.getPosixFilePermissions(plain));
            }
        } finally {
            org.assertj.core.util.Files.delete(runs.toFile());
        }
    }

    @Test
    void aStageThatFailsWhileWritingLeavesNoHalfWrittenArtifact() {
        Stage<Void, String> writer = new Stage<>() {
            @Override
            public String name() {
                return "writer";
            }

            @Override
            public Object config() {
                return "writes half a file";
            }

            @Override
            public String apply(Void input, RunContext ctx) {
                ctx.writeArtifact("model.bin", out -> {
                    out.write(new byte[1000]);
                    throw new IOException("disk full");
                });
                return "never";
            }
        };
        PipelineException e = catchThrowableOfType(PipelineException.class,
                () -> Pipeline.from(writer).run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs")))));
        Path runDir = dir.resolve("runs").resolve(e.runRecord().orElseThrow().runId());
        try (Stream<Path> files = Files.walk(runDir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> runDir.relativize(p).toString()))
                    .containsExactly("run.json");
        } catch (IOException io) {
            throw new AssertionError(io);
        }
        assertThat(e.runRecord().orElseThrow().stages().get(0).error()).hasValueSatisfying(
                m -> assertThat(m).contains("disk full"));
    }

    @Test
    void theStageNdManagerIsClosedWhenTheStageEnds() {
        ai.djl.ndarray.NDManager[] seen = new ai.djl.ndarray.NDManager[1];
        Stage<Void, float[]> tensors = new Stage<>() {
            @Override
            public String name() {
                return "tensors";
            }

            @Override
            public Object config() {
                return java.util.Map.of("op", "arange");
            }

            @Override
            public float[] apply(Void input, RunContext ctx) {
                seen[0] = ctx.ndManager();
                assertThat(ctx.ndManager()).isSameAs(seen[0]); // one manager per stage
                return seen[0].arange(3f).toFloatArray(); // copied out: the array dies with the stage
            }
        };
        PipelineRun<float[]> run = Pipeline.from(tensors)
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs"))));
        assertThat(run.output()).containsExactly(0f, 1f, 2f);
        assertThat(seen[0].isOpen()).isFalse();
        assertThat(run.record().environment().engines()).containsExactly("PyTorch 2.7.1");
    }

    /** A stage with no config whose work is {@code body}. */
    private static <I, O> Stage<I, O> stage(String name, BiFunction<I, RunContext, O> body) {
        return new Stage<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object config() {
                return null;
            }

            @Override
            public O apply(I input, RunContext ctx) {
                return body.apply(input, ctx);
            }
        };
    }
}
