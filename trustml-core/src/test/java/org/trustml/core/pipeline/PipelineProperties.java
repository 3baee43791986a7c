package org.trustml.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.trustml.core.run.RunRecord;
import org.trustml.core.stages.Filter;
import org.trustml.core.stages.Ingest;
import org.trustml.core.stages.Transform;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;

class PipelineProperties {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("trustml-pipeline-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 30)
    void sameInputAndSeedGiveTheSameRecord(@ForAll long seed, @ForAll @Size(min = 1, max = 20) List<@IntRange(max = 100) Integer> xs)
            throws IOException {
        Path csv = dir.resolve("in-" + Math.abs(seed % 1000) + ".csv");
        Table.of(DoubleColumn.of("x", xs.stream().mapToDouble(Integer::doubleValue).toArray())).writeCsv(csv);
        Pipeline<Table> p = Pipeline.from(Ingest.csv(csv))
                .then(Transform.doubles("x", "halve", v -> v / 2))
                .then(Filter.rows("x over 10", r -> r.number("x") > 10));
        RunRecord a = p.run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve("runs")))).record();
        RunRecord b = p.run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve("runs")))).record();
        assertThat(a.reproducible()).isEqualTo(b.reproducible());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        for (int i = 0; i < a.stages().size(); i++) {
            assertThat(a.stages().get(i).seed()).isEqualTo(Seeds.derive(seed, i, a.stages().get(i).name()));
        }
    }
}
