package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/** Each bad input the issue lists: a clear message, no output. */
class BadInputTest extends TinyCnnTestBase {

    @TempDir
    Path dir;

    private static InvalidInputException failure(Runnable r) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, r::run);
        assertThat(e).isNotNull();
        return e;
    }

    private static NDArray inputs(int n) {
        return manager.create(Fixtures.floats("x.npy"), new Shape(8, 1, 8, 8)).get("0:" + n);
    }

    @Test
    void inputShapeNotMatchingTheModel() {
        NDArray wrong = manager.zeros(new Shape(2, 1, 6, 6));
        InvalidInputException e = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().build()).on(wrong).run());
        assertThat(e.getMessage()).startsWith("value 'tiny_cnn.pt' does not accept inputs of shape (2, 1, 6, 6): ")
                .endsWith("(expected inputs shaped as the model was trained or traced (check --shape))");
    }

    @Test
    void labelsOutOfRange() {
        InvalidInputException e = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().build())
                .on(inputs(3), new long[] {0, 3, 1}).run());
        assertThat(e.getMessage())
                .isEqualTo("row 2: value '3' in labels is out of range (expected a class in 0..2, the model has 3 outputs)");
        InvalidInputException count = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().build())
                .on(inputs(3), new long[] {0, 1}).run());
        assertThat(count.getMessage()).isEqualTo("value 'labels' has 2 labels for 3 inputs (expected one label per input)");
        InvalidInputException target = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().targeted(true).build())
                .on(inputs(2), new long[] {0, 1}).targets(new long[] {-1, 0}).run());
        assertThat(target.getMessage()).isEqualTo(
                "row 1: value '-1' in target labels is out of range (expected a class in 0..2, the model has 3 outputs)");
        InvalidInputException none = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().targeted(true).build())
                .on(inputs(2)).run());
        assertThat(none.getMessage()).isEqualTo("value 'FastGradientMethod' is targeted but no target labels were given"
                + " (expected target labels (the classes to reach), one per input)");
    }

    @Test
    void negativeEps() {
        assertThat(failure(() -> Fgsm.builder().eps(-0.1f).build()).getMessage())
                .isEqualTo("value '-0.1' for eps is negative or not a number (expected a finite eps >= 0)");
        assertThat(failure(() -> Pgd.builder().eps(Float.NaN).build()).getMessage())
                .isEqualTo("value 'NaN' for eps is negative or not a number (expected a finite eps >= 0)");
    }

    @Test
    void epsStepLargerThanEpsForPgd() {
        assertThat(failure(() -> Pgd.builder().eps(0.1f).epsStep(0.2f).build()).getMessage())
                .isEqualTo("value '0.2' for eps_step is larger than eps = 0.1 (expected 0 < eps_step <= eps, as ART's PGD requires)");
        assertThat(failure(() -> Pgd.builder().eps(0.1f).epsStep(0f).build()).getMessage())
                .isEqualTo("value '0.0' for eps_step is not positive (expected a finite eps_step > 0)");
        assertThat(failure(() -> Pgd.builder().maxIter(0).build()).getMessage())
                .isEqualTo("value '0' for max_iter is not positive (expected max_iter >= 1)");
    }

    @Test
    void nanInInputs() {
        float[] values = Fixtures.floats("x.npy");
        values[64 + 5] = Float.NaN;
        NDArray x = manager.create(values, new Shape(8, 1, 8, 8));
        InvalidInputException e = failure(() -> Robustness.of(cnn).attack(Fgsm.builder().build()).on(x).run());
        assertThat(e.getMessage()).isEqualTo(
                "row 2, column 'feature 5': value 'NaN' in inputs is not a finite number (expected finite inputs (no NaN or infinity))");
    }

    @Test
    void fileThatIsNotTorchScript() throws IOException {
        Path text = Files.writeString(dir.resolve("model.pt"), "not a model");
        assertThat(failure(() -> Models.torchScript(text, ClassifierOutput.LOGITS)).getMessage()).isEqualTo(text
                + ": is not a TorchScript file (expected a model saved with torch.jit.save (a zip archive holding code/ and data.pkl))");
        Path zip = dir.resolve("other.pt");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            out.write("hi".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(failure(() -> Models.torchScript(zip, ClassifierOutput.LOGITS)).getMessage())
                .startsWith(zip + ": is not a TorchScript file");
        Path missing = dir.resolve("missing.pt");
        assertThat(failure(() -> Models.torchScript(missing, ClassifierOutput.LOGITS)).getMessage())
                .isEqualTo(missing + ": does not exist (expected a TorchScript .pt file)");
    }

    @Test
    void tensorFlowModelAskedForAGradientAttackPointsToTransferMode() throws IOException {
        Path savedModel = Files.createDirectories(dir.resolve("tf_model"));
        Files.write(savedModel.resolve("saved_model.pb"), new byte[] {8, 1});
        assertThat(failure(() -> Models.torchScript(savedModel, ClassifierOutput.LOGITS)).getMessage())
                .startsWith(savedModel + ": has no gradients").contains("use transfer mode");
        Classifier predictOnly = cnn.withoutGradients();
        InvalidInputException e = failure(() -> Robustness.of(predictOnly).attack(Pgd.builder().build()));
        assertThat(e.getMessage()).isEqualTo("value 'tiny_cnn.pt' has no gradients, so ProjectedGradientDescent cannot"
                + " run on it (expected a model with gradients; use transfer mode: Robustness.transfer(surrogate, target)"
                + " crafts on a surrogate TorchScript model and evaluates on this one)");
    }
}
