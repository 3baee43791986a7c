package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.io.Json;
import org.trustml.core.io.NpyArray;
import org.trustml.core.io.NpyFiles;

/** The robustness report on the TorchScript fixture; expected numbers from make_fixtures.py's printout. */
class ReportTest extends TinyCnnTestBase {

    @TempDir
    Path dir;

    @Test
    void fgsmReport() {
        RobustnessReport r = Robustness.of(cnn).attack(Fgsm.builder().eps(0.1f).clip(0, 1).build()).on(x, y).report();
        // script: clean predictions [2]*8, labels [1,0,2,2,0,2,2,2] -> 5/8 correct;
        // adversarial predictions [2,2,1,2,2,2,2,1] -> correct at 3, 5, 6 = 3/8; changed at 2 and 7 = 2/8
        assertThat(r.cleanAccuracy()).isEqualTo(5.0 / 8);
        assertThat(r.adversarialAccuracy()).isEqualTo(3.0 / 8);
        assertThat(r.attackSuccessRate()).isEqualTo(2.0 / 8);
        assertThat(r.samples()).isEqualTo(8);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.labelsSource()).isEqualTo("given");
        assertThat(r.perturbationLinf().max()).isCloseTo(0.1, within(1e-6));
        assertThat(r.perturbationLinf().median()).isCloseTo(0.1, within(1e-6));
        // label 2 holds samples 2,3,5,6,7: clean all 5 correct; adversarial 3,5,6 correct; success at 2 and 7
        ClassRobustness two = r.perClass().stream().filter(c -> c.label() == 2).findFirst().orElseThrow();
        assertThat(two.samples()).isEqualTo(5);
        assertThat(two.cleanAccuracy()).isEqualTo(1.0);
        assertThat(two.adversarialAccuracy()).isEqualTo(3.0 / 5);
        assertThat(two.attackSuccessRate()).isEqualTo(2.0 / 5);
        assertThat(r.metric(RobustnessMetric.ADVERSARIAL_ACCURACY).value()).isEqualTo(3.0 / 8);
        assertThat(r.metrics()).anyMatch(m -> m.slice().equals("class=2")
                && m.metric() == RobustnessMetric.ATTACK_SUCCESS_RATE && m.value() == 2.0 / 5);
        // the same numbers for gates: eps 0.1f written "0.1", per class narrowed by class=<label>
        org.trustml.core.evaluation.Slice at = org.trustml.core.evaluation.Slice.of("eps", "0.1");
        assertThat(r.atEps().metric("adversarial_accuracy", at).orElseThrow().value()).isEqualTo(3.0 / 8);
        assertThat(r.atEps().metric("attack_success_rate", at.and("class", "2")).orElseThrow().value()).isEqualTo(2.0 / 5);
        assertThat(r.atEps().metrics()).hasSameSizeAs(r.metrics());
    }

    @Test
    void empiricalRobustnessMatchesArtsDefinition() {
        RobustnessReport r = Robustness.of(cnn).attack(Fgsm.builder().eps(0.3f).epsStep(0.01f).clip(0, 1).build())
                .on(x, y).report();
        assertThat(r.empiricalRobustness())
                .isCloseTo(Fixtures.npy("expected_empirical_robustness.npy").toDoubles()[0], within(1e-6));
        assertThat(r.empiricalRobustnessReason()).isEmpty();
    }

    @Test
    void noFlipMeansEmpiricalRobustnessIsUndefined() {
        RobustnessReport r = Robustness.of(cnn).attack(Fgsm.builder().eps(0.001f).epsStep(0.001f).clip(0, 1).build())
                .on(x).report();
        assertThat(r.empiricalRobustness()).isNaN();
        assertThat(r.empiricalRobustnessReason()).hasValue(
                "no sample changed class under minimal FGSM up to eps = 0.001 (ART returns 0 here)");
        assertThat(r.labelsSource()).isEqualTo("model_predictions");
        assertThat(r.cleanAccuracy()).isEqualTo(1.0);
    }

    @Test
    void jsonHasSnakeCaseNamesAndASchemaVersion() throws IOException {
        RobustnessReport r = Robustness.of(cnn).attack(Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(5).clip(0, 1)
                .build()).on(x, y).report();
        JsonNode json = Json.reader().readTree(r.toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("clean_accuracy").asDouble()).isEqualTo(5.0 / 8);
        assertThat(json.has("adversarial_accuracy")).isTrue();
        assertThat(json.get("attack_name").asText()).isEqualTo("ProjectedGradientDescent");
        assertThat(json.get("attack").get("norm").asText()).isEqualTo("inf");
        assertThat(json.get("attack").get("maxIter").asInt()).isEqualTo(5);
        assertThat(json.get("per_class").get(0).has("attack_success_rate")).isTrue();
        assertThat(json.get("perturbation_l2").has("median")).isTrue();
    }

    @Test
    void savesNpyAndAnImageSheet() throws IOException {
        AttackResult result = Robustness.of(cnn).attack(Fgsm.builder().eps(0.1f).clip(0, 1).build()).on(x, y).run();
        NpyArray saved = NpyFiles.read(result.saveNpy(dir.resolve("adv.npy")));
        assertThat(saved.shape()).containsExactly(8L, 1L, 8L, 8L);
        assertThat(saved.toFloats()).containsExactly(result.adversarialValues());

        BufferedImage sheet = ImageIO.read(result.saveImageSheet(dir.resolve("sheet.png"), 3).toFile());
        // 8x8 images scaled 16x to 128 px; 3 panels of 128 + 4 gaps of 6; 3 rows of (128 + 16 caption + 6) + 6 + 16
        assertThat(sheet.getWidth()).isEqualTo(3 * 128 + 4 * 6);
        assertThat(sheet.getHeight()).isEqualTo(3 * (128 + 16 + 6) + 6 + 16);
        // top-left pixel of the first original: grey level of x[0]
        int grey = sheet.getRGB(6, 16 + 6) & 0xff;
        assertThat(grey).isEqualTo(Math.round(255 * Fixtures.floats("x.npy")[0]));
    }
}
