package org.trustml.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;

/**
 * A real TensorFlow SavedModel as the transfer target: {@code other_mlp_savedmodel} is {@code other_mlp.pt}'s
 * network and weights rebuilt with TF-Java (fixtures/tensorflow), run on DJL's TensorFlow engine (TF 2.16.1).
 */
class SavedModelTargetTest {
    static NDManager manager;
    static SavedModelClassifier savedModel;

    @BeforeAll
    static void load() {
        savedModel = Models.savedModel(Fixtures.path("other_mlp_savedmodel"), ClassifierOutput.LOGITS);
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
        savedModel.close();
    }

    static NDArray x() {
        return manager.create(Fixtures.floats("x.npy"), new Shape(8, 1, 8, 8));
    }

    @Test
    void predictsWhatTorchPredicts() {
        NDArray logits = savedModel.predict(x());
        assertThat(logits.getShape()).isEqualTo(new Shape(8, 3));
        // the arrays come back on the caller's manager (the default engine), not TensorFlow's
        assertThat(logits.getManager().getEngine()).isSameAs(manager.getEngine());
        // torch 1.13's logits of other_mlp.pt on x.npy (export_other_mlp_weights.py); float32 sums in another order
        assertThat(logits.toFloatArray()).containsExactly(Fixtures.floats("logits_mlp.npy"), within(1e-5f));
        // torch's argmax (make_fixtures.py)
        assertThat(logits.argMax(1).toLongArray()).containsExactly(Fixtures.longs("pred_mlp.npy"));
    }

    @Test
    void transferAttackCraftedOnTorchScriptIsJudgedByTheSavedModel() {
        try (TorchScriptModel cnn = Fixtures.cnn();
                TorchScriptModel torchMlp = Models.torchScript(Fixtures.path("other_mlp.pt"), ClassifierOutput.LOGITS)) {
            Pgd pgd = Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(10).batchSize(3).clip(0, 1).build();
            AttackResult transfer = Robustness.transfer(cnn, savedModel).attack(pgd).on(x(), Fixtures.longs("y.npy")).run();
            // the examples are the surrogate's: the white-box PGD fixture of make_fixtures.py (as TransferTest)
            assertThat(transfer.adversarialValues())
                    .containsExactly(Fixtures.floats("expected_pgd_inf.npy"), within(1e-5f));
            // judged by the SavedModel: clean predictions are torch's for other_mlp.pt ...
            assertThat(transfer.cleanPredictions()).containsExactly(Fixtures.longs("pred_mlp.npy"));
            // ... and adversarial ones are what the same network predicts on PyTorch for the same examples
            NDArray adv = manager.create(transfer.adversarialValues(), new Shape(8, 1, 8, 8));
            long[] torchOnAdv = torchMlp.predict(adv).argMax(1).toLongArray();
            assertThat(transfer.adversarialPredictions()).containsExactly(torchOnAdv);
            RobustnessReport r = transfer.report().orElseThrow();
            assertThat(r.mode()).isEqualTo("transfer");
            assertThat(r.craftedOn()).isEqualTo("tiny_cnn.pt");
            assertThat(r.evaluatedOn()).isEqualTo("other_mlp_savedmodel");
            long[] clean = transfer.cleanPredictions();
            int changed = 0;
            for (int i = 0; i < clean.length; i++) {
                changed += torchOnAdv[i] != clean[i] ? 1 : 0;
            }
            assertThat(r.attackSuccessRate()).isEqualTo(changed / 8.0);
        }
    }

    @Test
    void gradientAttackOnTheSavedModelPointsToTransferMode() {
        Pgd pgd = Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(2).build();
        assertThatThrownBy(() -> Robustness.of(savedModel).attack(pgd)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("value 'other_mlp_savedmodel' has no gradients")
                .hasMessageContaining("use transfer mode");
        // loading the directory as TorchScript (for a white-box attack) says the same
        Path dir = Fixtures.path("other_mlp_savedmodel");
        assertThatThrownBy(() -> Models.torchScript(dir, ClassifierOutput.LOGITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": has no gradients").hasMessageContaining("use transfer mode");
    }

    @Test
    void directoryThatIsNotASavedModel(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.path("x.npy"), dir.resolve("x.npy"));
        assertThatThrownBy(() -> Models.savedModel(dir, ClassifierOutput.LOGITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": is not a TensorFlow SavedModel (no saved_model.pb in it)");
        Files.writeString(dir.resolve("saved_model.pb"), "not a protocol buffer");
        assertThatThrownBy(() -> Models.savedModel(dir, ClassifierOutput.LOGITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": cannot be loaded as a TensorFlow SavedModel: Can't parse ");
    }

    @Test
    void inputsOfTheWrongShapeAreNamed() {
        try (TorchScriptModel cnn = Fixtures.cnn()) {
            NDArray wrong = manager.zeros(new Shape(2, 1, 6, 6));
            Fgsm fgsm = Fgsm.builder().eps(0.1f).build();
            // the target's clean predictions come first: TensorFlow's reason is passed on
            assertThatThrownBy(() -> Robustness.transfer(cnn, savedModel).attack(fgsm).on(wrong).run())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("value 'other_mlp_savedmodel' does not accept inputs of shape (2, 1, 6, 6): "
                            + "Input to reshape is a tensor with 72 values, but the requested shape requires a multiple of 64");
        }
    }
}
