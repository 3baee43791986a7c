package org.trustml.publish;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustml.core.table.ColumnType;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.train.TrainedModel;

/**
 * What a published classifier takes and gives, written as {@code signature.json} and served
 * as the model metadata of the Open Inference Protocol v2.
 *
 * <p>An image classifier ({@link #of(TrainedModel)}). Inputs (a request carries exactly one of them): {@value #IMAGE_INPUT}, {@code BYTES} of shape
 * {@code [n]}, each element an encoded PNG/JPEG/GIF/BMP image (base64 in JSON, per KServe's v2 JSON
 * convention for binary data); or {@value #TENSOR_INPUT}, {@code FP32} of shape {@code [n, 3, s, s]},
 * row-major RGB in [0, 1]. Outputs: {@value #PROBABILITIES_OUTPUT}, {@code FP32 [n, k]} (softmax of
 * the logits, classes in {@link #classes()} order), and {@value #LABEL_OUTPUT}, {@code BYTES [n]},
 * the most probable class.
 *
 * <p>A tabular classifier ({@link #of(TabularModel)}). Inputs: one per feature column, named by the
 * column, of shape {@code [n]} and the datatype of its {@link ColumnType} ({@link #datatype(ColumnType)}:
 * {@code BYTES} for strings, {@code FP64}, {@code INT64}, {@code BOOL}); a request carries all of them.
 * When no feature is a string column (and none is named {@value #TENSOR_INPUT}), a request may instead
 * carry the one input {@value #TENSOR_INPUT}, {@code FP32} of shape {@code [n, f]}, the feature columns
 * in training order. Outputs: {@value #PROBABILITIES_OUTPUT}, {@code FP64 [n, k]} (the Tribuo model's
 * probabilities, exactly), and {@value #LABEL_OUTPUT}, {@code BYTES [n]}.
 *
 * @param schemaVersion this layout's version
 * @param inputs        the accepted inputs
 * @param outputs       the outputs
 * @param classes       the labels by output index
 * @param inputSize     the square side images are resized to (image classifiers; 0 otherwise)
 * @param preprocessing how inputs become what the model reads
 */
public record Signature(int schemaVersion, List<TensorSpec> inputs, List<TensorSpec> outputs, List<String> classes,
        int inputSize, String preprocessing) {
    /** The layout this version writes. */
    public static final int SCHEMA_VERSION = 1;
    /** Encoded images. */
    public static final String IMAGE_INPUT = "image";
    /** Decoded images as floats, or all of a tabular model's numeric feature columns as floats. */
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

    /** The signature of a trained tabular classifier. */
    public static Signature of(TabularModel model) {
        Map<String, ColumnType> types = model.columnTypes();
        List<TensorSpec> inputs = new ArrayList<>();
        boolean numeric = !model.features().contains(TENSOR_INPUT);
        for (String f : model.features()) {
            ColumnType t = types.get(f);
            if (t == null) {
                throw org.trustml.core.InvalidInputException.problem("has no recorded type").column(f)
                        .expected("the type of every feature column in the model's columnTypes").build();
            }
            numeric &= t != ColumnType.STRING;
            inputs.add(new TensorSpec(f, datatype(t), List.of(-1L)));
        }
        if (numeric) {
            inputs.add(new TensorSpec(TENSOR_INPUT, "FP32", List.of(-1L, (long) model.features().size())));
        }
        return new Signature(SCHEMA_VERSION, inputs,
                List.of(new TensorSpec(PROBABILITIES_OUTPUT, "FP64", List.of(-1L, (long) model.classes().size())),
                        new TensorSpec(LABEL_OUTPUT, "BYTES", List.of(-1L))),
                model.classes(), 0,
                "one value per row for every feature column (or the FP32 '" + TENSOR_INPUT + "' of all of them, in "
                        + "column order, when none is a string); numbers and booleans (1/0) are used as they are, "
                        + "strings one-hot as column=value (a value not seen in training sets none)");
    }

    /** The v2 datatype of a column type: STRING → BYTES, DOUBLE → FP64, LONG → INT64, BOOLEAN → BOOL. */
    public static String datatype(ColumnType type) {
        return switch (type) {
            case STRING -> "BYTES";
            case DOUBLE -> "FP64";
            case LONG -> "INT64";
            case BOOLEAN -> "BOOL";
        };
    }

    /** The output with this name. */
    public java.util.Optional<TensorSpec> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The input with this name. */
    public java.util.Optional<TensorSpec> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
