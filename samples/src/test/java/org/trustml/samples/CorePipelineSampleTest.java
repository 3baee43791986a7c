package org.trustml.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.table.Table;
import org.trustml.core.tracking.Tracker;

class CorePipelineSampleTest {
    @Test
    void cleansTheMetadata(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("m.csv"), "finding,filename\nA/B,x.png\nC,y.nii.gz\n");
        Table out = CorePipelineSample.pipeline(csv).run(RunOptions.seed(1).withTracker(Tracker.none(dir))).output();
        assertThat(out.rowCount()).isEqualTo(1); // y.nii.gz dropped
        assertThat(out.stringColumn("finding").get(0)).isEqualTo("A_B");
    }
}
