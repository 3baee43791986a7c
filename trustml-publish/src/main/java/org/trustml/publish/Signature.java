package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.vision.train.TrainedModel;

/**
 * What a published image classifier takes and gives, written as {@code signature.json} and served
 * as the model metadata of the Open Inference Protocol v2.
 *
 * <p>Inputs (a request carries exactly one of them): {@value #IMAGE_INPUT}, {@code BYTES} of shape
 * {@code [n]}, each element an encoded PNG/JPEG/GIF/BMP image (base64 in JSON, per KServe's v2 JSON
 * convention for binary data); or {@value #TENSOR_INPUT}, {@code FP32} of shape {@code [n, 3, s, s]},
 * row-major RGB in [0, 1]. Outputs: {@value #PROBABILITIES_OUTPUT}, {@code FP32 [n, k]} (softmax of
 * the logits, classes in {@link #classes()} order), and {@value #LABEL_OUTPUT}, {@code BYTES [n]},
 * the most probable class.
 *
 * @param schemaVersion this layout's version
 * @param inputs        the accepted inputs
 * @param outputs       the outputs
 * @param classes       the labels by output index
 * @param inputSize     the square side images are resized to
 * @param preprocessing how encoded images become the tensor
 */
public record Signature(int schemaVersion, List<TensorSpec> inputs, List<TensorSpec> outputs, List<String> classes,
        int inputSize, String preprocessing) {
    /** The layout this version writes. */
    public static final int SCHEMA_VERSION = 1;
    /** Encoded images. */
    public static final String IMAGE_INPUT = "image";
    /** Decoded images as floats. */
    public static final String TENSOR_INPUT = "input";
    /** Class probabilities. */
    public static final String PROBABILITIES_OUTPUT = "probabilities";
    /** Most probable class. */
    public static final String LABEL_OUTPUT = "label";

    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        classes = List.copyOf(classes);
        requireNonNull(preprocessing, "preprocessing");
    }

    /** The signature of a trained image classifier. */
    public static Signature of(TrainedModel model) {
        long s = model.inputSize();
        long k = model.classes().size();
        return new Signature(SCHEMA_VERSION,
                List.of(new TensorSpec(IMAGE_INPUT, "BYTES", List.of(-1L)),
                        new TensorSpec(TENSOR_INPUT, "FP32", List.of(-1L, 3L, s, s))),
                List.of(new TensorSpec(PROBABILITIES_OUTPUT, "FP32", List.of(-1L, k)),
                        new TensorSpec(LABEL_OUTPUT, "BYTES", List.of(-1L))),
                model.classes(), model.inputSize(),
                "decode, convert to RGB, resize bilinearly to " + s + "x" + s + ", scale to [0, 1], CHW; no mean/std");
    }

    /** The input with this name. */
    public java.util.Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
