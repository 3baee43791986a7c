package org.trustml.serving.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.table.BooleanColumn;
import org.trustml.core.table.Column;
import org.trustml.core.table.ColumnType;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;
import org.trustml.publish.TensorSpec;

/**
 * Reads Open Inference Protocol v2 requests for a tabular classifier into a {@link Table} of its feature
 * columns. A request carries either one input per feature column (named by the column, shape
 * {@code [n]}, the column's datatype: {@code BYTES} strings, {@code FP64} numbers, {@code INT64}
 * integers, {@code BOOL} booleans; every column present, none twice), or, when the signature offers it,
 * the one input {@value Signature#TENSOR_INPUT} ({@code FP32 [n, f]}, the feature columns in training
 * order, flat or nested, row-major; its values become numbers of each column). Every violation is an
 * {@link HttpError} 400 naming the input and what was expected.
 */
public final class TabularCodec {
    private TabularCodec() {}

    /** The request in {@code body} for a model with these feature columns (in training order) and types. */
    public static InferenceCodec.Request<Table> parse(byte[] body, Signature signature,
            Map<String, ColumnType> features) {
        JsonNode root = InferenceCodec.root(body);
        Optional<String> id = InferenceCodec.id(root);
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new HttpError(400, "'inputs' must be an array of tensors: " + expected(signature, features));
        }
        List<String> outputs = InferenceCodec.outputs(root);
        JsonNode first = inputs.get(0);
        if (inputs.size() == 1 && first.isObject() && Signature.TENSOR_INPUT.equals(first.path("name").asText(null))
                && signature.input(Signature.TENSOR_INPUT).isPresent()) {
            Table t = tensor(first, features);
            return new InferenceCodec.Request<>(id, t, t.rowCount(), outputs);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        long n = -1;
        for (JsonNode in : inputs) {
            if (!in.isObject()) {
                throw new HttpError(400, "each of 'inputs' must be a tensor object; found " + in.getNodeType());
            }
            String name = InferenceCodec.text(in, "name");
            ColumnType type = features.get(name);
            if (type == null) {
                throw new HttpError(400, "unknown input '" + name + "'; this model takes " + expected(signature, features));
            }
            if (columns.containsKey(name)) {
                throw new HttpError(400, "input '" + name + "' is given twice; expected each feature column once");
            }
            String datatype = InferenceCodec.text(in, "datatype");
            String wanted = Signature.datatype(type);
            if (!datatype.equals(wanted)) {
                throw new HttpError(400, "input '" + name + "' has datatype " + datatype + "; expected " + wanted
                        + " (a " + type.label() + " column)");
            }
            long[] shape = InferenceCodec.shape(in, name);
            if (shape.length != 1) {
                throw new HttpError(400, "input '" + name + "' has shape " + Arrays.toString(shape)
                        + "; expected [n], one value per row");
            }
            if (n >= 0 && shape[0] != n) {
                throw new HttpError(400, "input '" + name + "' has " + shape[0] + " rows but the inputs before it have "
                        + n + "; expected the same n for every column");
            }
            n = shape[0];
            columns.put(name, column(in, name, type, (int) n));
        }
        List<String> missing = features.keySet().stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new HttpError(400, "missing input" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing
                    .stream().map(f -> "'" + f + "' (" + Signature.datatype(features.get(f)) + " [n])").toList())
                    + "; this model takes " + expected(signature, features));
        }
        List<Column> ordered = new ArrayList<>();
        features.keySet().forEach(f -> ordered.add(columns.get(f)));
        return new InferenceCodec.Request<>(id, Table.of(ordered), (int) n, outputs);
    }

    /** One column's values, checked against its type. */
    private static Column column(JsonNode in, String name, ColumnType type, int n) {
        JsonNode data = in.get("data");
        if (data == null || !data.isArray() || data.size() != n) {
            throw new HttpError(400, "input '" + name + "' needs 'data', a flat array of " + n + " "
                    + Signature.datatype(type) + " values (one per row), got "
                    + (data == null || !data.isArray() ? "none" : data.size() + " values"));
        }
        switch (type) {
            case STRING -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    JsonNode e = data.get(i);
                    if (!e.isTextual()) {
                        throw bad(name, i, e, "a string (BYTES)");
                    }
                    v[i] = e.asText();
                }
                return StringColumn.of(name, v);
            }
            case DOUBLE -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode e = data.get(i);
                    if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                        throw bad(name, i, e, "a finite FP64 number");
                    }
                    v[i] = e.doubleValue();
                }
                return DoubleColumn.of(name, v);
            }
            case LONG -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    JsonNode e = data.get(i);
                    if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                        throw bad(name, i, e, "an INT64 integer");
                    }
                    v[i] = e.asLong();
                }
                return LongColumn.of(name, v);
            }
            case BOOLEAN -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    JsonNode e = data.get(i);
                    if (!e.isBoolean()) {
                        throw bad(name, i, e, "true or false (BOOL)");
                    }
                    v[i] = e.asBoolean();
                }
                return BooleanColumn.of(name, v);
            }
            default -> throw new IllegalStateException("unknown column type " + type);
        }
    }

    private static HttpError bad(String name, int i, JsonNode e, String expected) {
        String found = e.toString();
        return new HttpError(400, "input '" + name + "' data[" + i + "] is "
                + (found.length() > 64 ? found.substring(0, 64) + "…" : found) + "; expected " + expected);
    }

    /** The FP32 input {@code [n, f]} as one number column per feature (booleans and integers as their numbers). */
    private static Table tensor(JsonNode in, Map<String, ColumnType> features) {
        String name = Signature.TENSOR_INPUT;
        String datatype = InferenceCodec.text(in, "datatype");
        if (!datatype.equals("FP32")) {
            throw new HttpError(400, "input '" + name + "' has datatype " + datatype + "; expected FP32");
        }
        long[] shape = InferenceCodec.shape(in, name);
        int f = features.size();
        if (shape.length != 2 || shape[1] != f) {
            throw new HttpError(400, "input '" + name + "' has shape " + Arrays.toString(shape) + "; expected [n, " + f
                    + "], the feature columns " + features.keySet() + " in this order");
        }
        long count = shape[0] * f;
        JsonNode data = in.get("data");
        if (data == null || !data.isArray()) {
            throw new HttpError(400, "input '" + name + "' needs 'data', an array of " + count + " numbers (row-major)");
        }
        long values = InferenceCodec.countValues(data, name);
        if (values != count) {
            throw new HttpError(400, "input '" + name + "' has " + values + " values; shape " + Arrays.toString(shape)
                    + " needs " + count);
        }
        float[] flat = new float[Math.toIntExact(count)];
        InferenceCodec.flatten(data, flat, new int[] {0}, shape, name);
        int n = (int) shape[0];
        List<Column> columns = new ArrayList<>();
        int j = 0;
        for (String column : features.keySet()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = flat[i * f + j];
            }
            columns.add(DoubleColumn.of(column, v));
            j++;
        }
        return Table.of(columns);
    }

    /** What a request must carry, for messages. */
    private static String expected(Signature signature, Map<String, ColumnType> features) {
        List<String> columns = new ArrayList<>();
        for (TensorSpec t : signature.inputs()) {
            if (features.containsKey(t.name())) {
                columns.add("'" + t.name() + "' (" + t.datatype() + " [n])");
            }
        }
        String each = "one input per feature column, " + String.join(", ", columns);
        return signature.input(Signature.TENSOR_INPUT).isPresent()
                ? each + ", or the one input '" + Signature.TENSOR_INPUT + "' (FP32 [n, " + features.size() + "])"
                : each;
    }
}
