package org.trustml.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trustml.cli.demo.CtScanDemo;
import org.trustml.core.InvalidInputException;

/**
 * The sample's arguments. The pipeline it runs is {@code trustml demo}'s, run end to end (report
 * included) by trustml-cli's {@code TrustmlCommandTest}; it is not trained a second time here.
 */
class CtScanSampleTest {
    @Test
    void takesTheOutputFolderAndOptionallyPatientsAndEpochs() {
        CtScanDemo.Options o = CtScanSample.options("out", "40", "2");
        assertThat(o.out()).isEqualTo(Path.of("out"));
        assertThat(o.patients()).isEqualTo(40);
        assertThat(o.epochs()).isEqualTo(2);
        assertThat(CtScanSample.options("out")).isEqualTo(CtScanDemo.Options.defaults(Path.of("out")));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(CtScanSample::options).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OUT [PATIENTS [EPOCHS]]");
        assertThatThrownBy(() -> CtScanSample.options("out", "many")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PATIENTS").hasMessageContaining("many");
        assertThatThrownBy(() -> CtScanSample.options("out", "10")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--patients");
    }
}
