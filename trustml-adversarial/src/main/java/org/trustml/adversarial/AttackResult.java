package org.trustml.adversarial;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trustml.adversarial.internal.ImageSheet;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.NpyFiles;

/**
 * The adversarial examples an attack made, the inputs they came from, the evaluated model's
 * predictions on both, and (from {@code run()}) the {@link RobustnessReport}. Holds its arrays on
 * the Java heap; {@link #adversarial(NDManager)} makes an NDArray in the caller's manager.
 */
public final class AttackResult {
    private final float[] original;
    private final float[] adversarial;
    private final Shape sampleShape;
    private final long[] cleanPredictions;
    private final long[] adversarialPredictions;
    private final RobustnessReport report;

    /** Used by the attack runner; arrays are owned by this object from here on. */
    public AttackResult(float[] original, float[] adversarial, Shape sampleShape, long[] cleanPredictions,
            long[] adversarialPredictions, RobustnessReport report) {
        this.original = requireNonNull(original, "original");
        this.adversarial = requireNonNull(adversarial, "adversarial");
        this.sampleShape = requireNonNull(sampleShape, "sampleShape");
        this.cleanPredictions = requireNonNull(cleanPredictions, "cleanPredictions");
        this.adversarialPredictions = requireNonNull(adversarialPredictions, "adversarialPredictions");
        this.report = report;
    }

    /** Number of samples. */
    public int samples() {
        return cleanPredictions.length;
    }

    /** Shape of one sample. */
    public Shape sampleShape() {
        return sampleShape;
    }

    /** The adversarial examples, shape (N, sample shape…), created in {@code manager}. */
    public NDArray adversarial(NDManager manager) {
        return manager.create(adversarial, new Shape(samples()).addAll(sampleShape));
    }

    /** A copy of the adversarial examples, row-major. */
    public float[] adversarialValues() {
        return adversarial.clone();
    }

    /** The evaluated model's classes for the clean inputs. */
    public long[] cleanPredictions() {
        return cleanPredictions.clone();
    }

    /** The evaluated model's classes for the adversarial inputs. */
    public long[] adversarialPredictions() {
        return adversarialPredictions.clone();
    }

    /** The report, present when the attack was {@code run()} rather than only {@code generate()}d. */
    public Optional<RobustnessReport> report() {
        return Optional.ofNullable(report);
    }

    /** Writes the adversarial examples as a float32 {@code .npy} of shape (N, sample shape…), atomically. */
    public Path saveNpy(Path file) {
        long[] shape = new Shape(samples()).addAll(sampleShape).getShape();
        return NpyFiles.writeFloats(file, adversarial, shape);
    }

    /**
     * Writes a PNG sheet, one row per sample (at most {@code maxRows}): original | perturbation
     * (magnified so its largest |δ| spans the grey range) | adversarial, each labelled with the
     * predicted class. Needs image-shaped samples: (H, W), (1, H, W) or (3, H, W), values in [0, 1]
     * (or in the attack's clip range).
     */
    public Path saveImageSheet(Path file, int maxRows) {
        BufferedImage sheet = imageSheet(maxRows, List.of());
        return AtomicFiles.writeImage(file, sheet, "png");
    }

    /**
     * The sheet {@link #saveImageSheet} writes, as an image: for each of the first {@code maxRows}
     * samples the original, the perturbation (magnified so its largest |δ| spans the grey range) and the
     * adversarial example, captioned with the predicted class's name from {@code classNames} (its index
     * when the list has no name for it).
     */
    public BufferedImage imageSheet(int maxRows, List<String> classNames) {
        float lo = 0f;
        float hi = 1f;
        if (report != null && report.attack().clip().isPresent()) {
            lo = report.attack().clip().get().min();
            hi = report.attack().clip().get().max();
        }
        return ImageSheet.draw(original, adversarial, sampleShape, cleanPredictions, adversarialPredictions,
                Math.min(maxRows, samples()), lo, hi, List.copyOf(classNames));
    }
}
