package org.trustml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.pipeline.Stage;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;

class DriftStageTest {
    @TempDir
    Path dir;

    private static Stage<Void, Table> source(Table t) {
        return new Stage<>() {
            @Override
            public String name() {
                return "source";
            }

            @Override
            public Object config() {
                return t.contentHash();
            }

            @Override
            public Table apply(Void input, RunContext ctx) {
                return t;
            }
        };
    }

    @Test
    void passesAFreshBatchOnAndStopsTheRunOnDrift() {
        Table ref = Table.of(DoubleColumn.of("x", DriftTestsTest.normal(1, 300, 0)));
        Table fresh = Table.of(DoubleColumn.of("x", DriftTestsTest.normal(2, 300, 0)));
        Table shifted = Table.of(DoubleColumn.of("x", DriftTestsTest.normal(3, 300, 1)));
        DriftStage check = DriftStage.against(ref, List.of(), Set.of(DriftTest.KS), 0.05, Correction.BONFERRONI, true);

        PipelineRun<Table> ok = Pipeline.from(source(fresh)).then(check)
                .run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs"))));
        assertThat(ok.output()).isSameAs(fresh);
        assertThat(ok.record().stages().get(1).metrics()).containsEntry("dataset_drift", 0.0);
        assertThat(ok.record().stages().get(1).artifacts()).singleElement()
                .satisfies(a -> assertThat(a.path()).endsWith("drift-report.json"));

        PipelineException e = catchThrowableOfType(PipelineException.class, () -> Pipeline.from(source(shifted))
                .then(check).run(RunOptions.seed(1).withTracker(Tracker.none(dir.resolve("runs")))));
        assertThat(e.getCause()).isInstanceOf(DriftDetectedException.class)
                .hasMessageStartingWith("data drift detected in 1 of 1 columns (x) under correction bonferroni");
        assertThat(((DriftDetectedException) e.getCause()).report().drifted()).isTrue();
    }
}
