package org.trustml.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trustml.adversarial.Attack;
import org.trustml.adversarial.Classifier;
import org.trustml.adversarial.AttackResult;
import org.trustml.adversarial.ClipRange;
import org.trustml.adversarial.Fgsm;
import org.trustml.adversarial.Models;
import org.trustml.adversarial.NativeHeap;
import org.trustml.adversarial.Norm;
import org.trustml.adversarial.ClassifierOutput;
import org.trustml.adversarial.Pgd;
import org.trustml.adversarial.Robustness;
import org.trustml.adversarial.RobustnessReport;
import org.trustml.adversarial.SavedModelClassifier;
import org.trustml.adversarial.TorchScriptModel;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trustml attack ...}: FGSM or PGD against a TorchScript model, or by transfer against a TorchScript model or
 * a TensorFlow SavedModel, with a robustness report.
 */
@Command(name = "attack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Craft adversarial examples with FGSM or PGD (ART 1.20 semantics) against a TorchScript model, "
                + "write them as a .npy file and report clean and adversarial accuracy, success rate, perturbation "
                + "norms, empirical robustness and loss sensitivity.",
            "Without --labels the model's own predictions stand in for the labels (as in ART). With --target-model the "
                + "examples are crafted on --model and evaluated on the target (transfer mode): a TorchScript file or a "
                + "TensorFlow SavedModel directory (no gradients, so a SavedModel can only be a --target-model)."})
final class AdversarialCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.pt", description = "TorchScript model to attack (or the surrogate with --target-model); a SavedModel here is refused: use transfer mode.")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "X.npy|X.csv", description = "Inputs: .npy (N, ...) or CSV, one sample per row, C-order flattened.")
    Path input;

    @Option(names = "--shape", paramLabel = "D1,D2,...", description = "Shape of one sample, e.g. 1,28,28 (required to reshape CSV rows; checks .npy inputs).")
    String shape;

    @Option(names = "--labels", paramLabel = "y.npy|y.csv", description = "True labels, one per sample (optional).")
    Path labels;

    @Option(names = "--method", defaultValue = "pgd", description = "fgsm or pgd (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--norm", defaultValue = "inf", description = "inf, 1 or 2 (default: ${DEFAULT-VALUE}).")
    String norm;

    @Option(names = "--eps", required = true, description = "Largest perturbation norm.")
    float eps;

    @Option(names = "--eps-step", description = "Step per iteration (PGD) or increment (FGSM --minimal); default ART's 0.1, capped at eps.")
    Float epsStep;

    @Option(names = "--max-iter", defaultValue = "100", description = "PGD iterations (default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--targeted", description = "Move towards --target-labels instead of away from the labels.")
    boolean targeted;

    @Option(names = "--target-labels", paramLabel = "t.npy|t.csv", description = "Classes to reach (with --targeted).")
    Path targetLabels;

    @Option(names = "--random-init", defaultValue = "0", paramLabel = "N", description = "Random starts in the eps-ball (default: ${DEFAULT-VALUE}).")
    int randomInit;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--decay", description = "PGD momentum decay (off when absent).")
    Double decay;

    @Option(names = "--minimal", description = "FGSM: grow eps by --eps-step until each sample flips.")
    boolean minimal;

    @Option(names = "--clip", paramLabel = "MIN,MAX", description = "Valid input range, e.g. 0,1 (none when absent).")
    String clip;

    @Option(names = "--batch-size", defaultValue = "32", description = "Samples per pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--output-kind", defaultValue = "logits", description = "logits or probabilities: what the model outputs (default: ${DEFAULT-VALUE}).")
    String outputKind;

    @Option(names = "--target-model", paramLabel = "T.pt|DIR", description = "Transfer mode: evaluate on this model, used "
            + "without its gradients: a TorchScript file or a TensorFlow SavedModel directory (saved_model.pb).")
    Path targetModel;

    @Option(names = "--out", required = true, paramLabel = "adv.npy", description = "Where to write the adversarial "
            + "examples (float32 .npy), atomically; a directory, link, device, FIFO or one of the inputs is refused "
            + "before the attack runs.")
    Path out;

    @Option(names = "--sheet", paramLabel = "FILE.png", description = "Also write a PNG sheet (original | perturbation | adversarial) of the first 16 samples.")
    Path sheet;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        AtomicFiles.checkTarget(out, input, labels, targetLabels, model, targetModel);
        if (sheet != null) {
            AtomicFiles.checkTarget(sheet, input, labels, targetLabels, model, targetModel);
        }
        ClassifierOutput kind = parseOutputKind(outputKind);
        Attack attack = attack();
        ArrayInputs.Samples x = ArrayInputs.samples(input, shape);
        long[] y = labels == null ? null : ArrayInputs.labels(labels);
        long[] t = targetLabels == null ? null : ArrayInputs.labels(targetLabels);
        if (targeted && t == null) {
            throw InvalidInputException.problem("needs --target-labels").value("--targeted")
                    .expected("a .npy or CSV file of the classes to reach").build();
        }
        // a directory target is read as a SavedModel (the error for one without saved_model.pb says so)
        boolean savedTarget = targetModel != null && Files.isDirectory(targetModel);
        try (TorchScriptModel crafter = Models.torchScript(model, kind);
                TorchScriptModel torchTarget = targetModel == null || savedTarget ? null : Models.torchScript(targetModel, kind);
                SavedModelClassifier tfTarget = savedTarget ? Models.savedModel(targetModel, kind) : null;
                NDManager manager = NDManager.newBaseManager()) {
            NDArray inputs = manager.create(x.values(), new Shape(x.count()).addAll(x.sampleShape()));
            Classifier target = tfTarget != null ? tfTarget : torchTarget == null ? null : torchTarget.withoutGradients();
            Robustness robustness = target == null ? Robustness.of(crafter) : Robustness.transfer(crafter, target);
            // the CLI owns its process: hand the attack's freed native memory back (NativeHeap.TRIM)
            Robustness.AttackRun run = robustness.attack(attack).on(inputs, y).nativeHeap(NativeHeap.TRIM);
            if (t != null) {
                run = run.targets(t);
            }
            AttackResult result = run.run();
            result.saveNpy(out);
            if (sheet != null) {
                result.saveImageSheet(sheet, 16);
            }
            RobustnessReport report = result.report().orElseThrow();
            if (format == OutputFormat.json) {
                spec.commandLine().getOut().println(report.toJson());
            } else {
                spec.commandLine().getOut().print(render(report));
            }
        }
        return 0;
    }

    private Attack attack() {
        Norm n = Norm.parse(norm);
        ClipRange range = clip == null ? null : ClipRange.parse(clip);
        float step = epsStep != null ? epsStep : Math.min(0.1f, eps > 0 ? eps : 0.1f);
        switch (method.toLowerCase(Locale.ROOT)) {
            case "fgsm":
                return Fgsm.builder().norm(n).eps(eps).epsStep(step).targeted(targeted).minimal(minimal)
                        .randomInit(randomInit, seed).batchSize(batchSize).clip(range).build();
            case "pgd":
                Pgd.Builder b = Pgd.builder().norm(n).eps(eps).epsStep(step).maxIter(maxIter).targeted(targeted)
                        .randomInit(randomInit, seed).batchSize(batchSize).clip(range);
                if (decay != null) {
                    b.decay(decay);
                }
                return b.build();
            default:
                throw InvalidInputException.problem("for --method is not an attack").value(method)
                        .expected("fgsm or pgd").build();
        }
    }

    private static ClassifierOutput parseOutputKind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "logits" -> ClassifierOutput.LOGITS;
            case "probabilities", "probs" -> ClassifierOutput.PROBABILITIES;
            default -> throw InvalidInputException.problem("for --output-kind is not an output kind").value(text)
                    .expected("logits or probabilities").build();
        };
    }

    private String render(RobustnessReport r) {
        TextTable t = new TextTable("metric", "value");
        t.row("samples", Integer.toString(r.samples()));
        t.row("clean_accuracy", fmt(r.cleanAccuracy()));
        t.row("adversarial_accuracy", fmt(r.adversarialAccuracy()));
        t.row("attack_success_rate", fmt(r.attackSuccessRate()));
        t.row("perturbation_linf mean/median/max", fmt(r.perturbationLinf().mean()) + " / "
                + fmt(r.perturbationLinf().median()) + " / " + fmt(r.perturbationLinf().max()));
        t.row("perturbation_l2 mean/median/max", fmt(r.perturbationL2().mean()) + " / "
                + fmt(r.perturbationL2().median()) + " / " + fmt(r.perturbationL2().max()));
        t.row("empirical_robustness", fmt(r.empiricalRobustness())
                + r.empiricalRobustnessReason().map(s -> " (" + s + ")").orElse(""));
        t.row("loss_sensitivity", fmt(r.lossSensitivity()));
        return r.attackName() + " (" + r.mode() + ", crafted on " + r.craftedOn() + ", evaluated on " + r.evaluatedOn()
                + "), labels " + r.labelsSource() + "; adversarial examples in " + out + "\n" + t;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
