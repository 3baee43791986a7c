package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.StageRecord;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.Table;

/** The transform and filter kinds of pipeline files: read, built, run, and their errors located. */
class ExpressionStagesTest {
    @TempDir
    Path dir;

    private Path file(String stages) throws IOException {
        Files.writeString(dir.resolve("people.csv"), """
                name,age,height,weight,file
                ann,34,1.70,61.5,a.png
                bob,17,1.80,70.0,b.nii.gz
                cy,,1.65,55.0,c.png
                dee,52,1.75,88.25,d.png
                """);
        return Files.writeString(dir.resolve("pipeline.yaml"), "seed: 1\nstages:\n  - ingest: {csv: people.csv}\n" + stages);
    }

    @Test
    void transformAndFilterRunFromAFile() throws IOException {
        Path f = file("""
                  - filter: {keep: "!file.endsWith('.nii.gz')"}
                  - transform:
                      columns:
                        bmi: "weight / (height * height)"
                        adult: "age != null && age >= 18"
                        name: "name.upperAscii()"
                  - filter: {keep: adult}
                """);
        PipelineRun<?> run = PipelineSpec.read(f).run(dir, f, org.trustml.core.pipeline.Progress.NONE);
        Table t = (Table) run.output();
        assertThat(t.rowCount()).isEqualTo(2); // bob's CT volume dropped, cy's missing age is not adult
        assertThat(t.column("name").format(0)).isEqualTo("ANN");
        assertThat(t.column("bmi").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(t.doubles("bmi")[1]).isEqualTo(88.25 / (1.75 * 1.75));
        StageRecord transform = run.record().stages().get(2);
        assertThat(transform.name()).isEqualTo("transform");
        assertThat(transform.metrics()).containsEntry("columns_added", 2.0).containsEntry("columns_replaced", 1.0);
        assertThat(transform.config().get("columns").get("bmi").asText()).isEqualTo("weight / (height * height)");
        assertThat(run.record().stages().get(1).metrics()).containsEntry("rows_dropped", 1.0);
    }

    @Test
    void aSyntaxErrorIsRefusedWhenTheFileIsRead() throws IOException {
        Path f = file("  - filter: {keep: \"age >\"}\n");
        assertThatThrownBy(() -> PipelineSpec.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(f + ", line 4, column 'stages[1].keep': ")
                .hasMessageContaining("value 'age >' is not a CEL expression at line 1, column 6");
    }

    @Test
    void aTypeErrorNamesTheFileTheStageAndTheExpressionBeforeAnyRowRuns() throws IOException {
        Path f = file("""
                  - transform:
                      columns:
                        ok: "age != null && age > 20"
                        bad: "age + weight"
                """);
        assertThatThrownBy(() -> PipelineSpec.read(f).run(dir, f, org.trustml.core.pipeline.Progress.NONE))
                .isInstanceOf(PipelineException.class).cause()
                .hasMessageStartingWith(f + ", column 'stages[1].transform.columns.bad': value 'age + weight' does not "
                        + "type-check against the table")
                .hasMessageContaining("at line 1, column 5");
    }

    @Test
    void aMissingValueInAConditionNamesItsRow() throws IOException {
        Path f = file("  - filter: {keep: \"age >= 18\"}\n");
        assertThatThrownBy(() -> PipelineSpec.read(f).run(dir, f, org.trustml.core.pipeline.Progress.NONE))
                .cause().hasMessageStartingWith(f + ", row 3, column 'stages[1].filter.keep': value 'age >= 18' cannot "
                        + "be evaluated").hasMessageContaining("(missing in this row: age)");
    }
}
