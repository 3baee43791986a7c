package org.trustml.samples.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.run.RunStatus;
import org.trustml.core.table.Table;
import org.trustml.vision.evaluation.ImageEvaluation;

class FaceAttributeSampleTest {
    @TempDir
    Path dir;

    @Test
    void generatorHasTheDocumentedImbalance() {
        Table t = SyntheticFaces.write(dir, 600, 16, 3);
        Map<String, Long> race = count(t, "race");
        Map<String, Long> age = count(t, "age_group");
        // shares as documented in SyntheticFaces; 3 binomial standard errors at n = 600 are at most 0.061
        for (int i = 0; i < SyntheticFaces.RACES.size(); i++) {
            assertThat(race.getOrDefault(SyntheticFaces.RACES.get(i), 0L) / 600.0)
                    .isCloseTo(SyntheticFaces.RACE_SHARES.get(i), within(0.061));
        }
        for (int i = 0; i < SyntheticFaces.AGES.size(); i++) {
            assertThat(age.getOrDefault(SyntheticFaces.AGES.get(i), 0L) / 600.0)
                    .isCloseTo(SyntheticFaces.AGE_SHARES.get(i), within(0.061));
        }
        assertThat(count(t, "gender").get("Female") / 600.0).isCloseTo(0.5, within(0.061));
        assertThat(dir.resolve("images/face-00599.png")).exists();
        // same seed, same faces
        assertThat(SyntheticFaces.write(dir.resolve("again"), 600, 16, 3)).isEqualTo(t);
    }

    private static Map<String, Long> count(Table t, String column) {
        return t.stringColumn(column).dictionary().isEmpty() ? Map.of()
                : java.util.stream.IntStream.range(0, t.rowCount()).mapToObj(i -> t.stringColumn(column).get(i))
                        .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    @Test
    void runsSmallAndReportsEverySliceWithFairnessAndAVerdict() {
        // small on purpose (a few seconds of training): the assertions are about the pipeline's outputs,
        // not about how well one epoch learns
        PipelineRun<Blessing<ImageEvaluation>> run = FaceAttributeSample.run(dir, new FaceAttributeSample.Size(160, 24, 1), 42);
        assertThat(run.record().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.record().stages()).extracting(s -> s.name())
                .containsExactly("ingest", "image-folder", "train", "evaluate", "bless");
        ImageEvaluation e = run.output().evaluation();
        // test split: round(n_class · 0.25) of each gender
        assertThat(e.classification().overall().rows()).isBetween(39L, 41L);
        assertThat(e.classification().slices()).extracting(s -> s.slice().toString())
                .contains("race=White", "age_group=20-29", "age_group=20-29, race=White"); // a cross slice names its columns sorted
        long perRace = e.classification().slices().stream()
                .filter(s -> s.slice().toString().startsWith("race=") && !s.slice().toString().contains(",")).mapToLong(s -> s.rows())
                .sum();
        assertThat(perRace).isEqualTo(e.classification().overall().rows());
        assertThat(e.evaluators()).containsKey("fairness");
        assertThat(e.metric("equal_opportunity_difference")).isPresent();
        assertThat(run.output().verdict().results()).hasSize(3);
        assertThat(run.output().verdict().results().get(1).gate().slice()).isEqualTo(Slice.of("race", "Black"));
    }
}
