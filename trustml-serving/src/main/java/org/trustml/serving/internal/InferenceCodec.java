package org.trustml.serving.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.publish.Signature;
import org.trustml.publish.TensorSpec;
import org.trustml.vision.images.ImageDecoder;
import org.trustml.vision.train.TrainedModel;

/**
 * Reads Open Inference Protocol v2 inference requests for image classifiers and writes responses
 * for every model (JSON, no binary extension). An image request carries one input: {@code image}
 * ({@code BYTES}, shape {@code [n]}, each element a base64 string of an encoded image) or
 * {@code input} ({@code FP32}, shape {@code [n, 3, s, s]}, data flat or nested, row-major); tabular
 * requests are read by {@link TabularCodec}. Every violation is an {@link HttpError} 400 saying which
 * input, which field, what was found and what was expected.
 */
public final class InferenceCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A decoded request.
     *
     * @param payload what the model's batcher takes: images as floats, or a table of rows
     * @param n       the items (images, rows) in it
     */
    public record Request<P>(Optional<String> id, P payload, int n, List<String> outputs) {}

    private InferenceCodec() {}

    /** The request body as a JSON object. */
    static JsonNode root(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpError(400, "unreadable request body");
        }
        if (root == null || !root.isObject()) {
            throw new HttpError(400, "the request must be a JSON object with 'inputs'");
        }
        return root;
    }

    static Optional<String> id(JsonNode root) {
        return root.hasNonNull("id") ? Optional.of(root.get("id").asText()) : Optional.empty();
    }

    /**
     * The request in {@code body}. Encoded images are decoded by {@code decoder}, whose pixel limit
     * bounds the pixels of all the request's images together (checked from their headers before any
     * is decoded).
     */
    public static Request<float[]> parse(byte[] body, Signature signature, TrainedModel model, ImageDecoder decoder) {
        JsonNode root = root(body);
        Optional<String> id = id(root);
        JsonNode inputs = root.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.size() != 1) {
            throw new HttpError(400, "'inputs' must be an array of exactly one tensor, '" + Signature.IMAGE_INPUT
                    + "' (BYTES) or '" + Signature.TENSOR_INPUT + "' (FP32)");
        }
        JsonNode in = inputs.get(0);
        String name = text(in, "name");
        TensorSpec spec = signature.input(name).orElseThrow(() -> new HttpError(400,
                "unknown input '" + name + "'; this model takes '" + Signature.IMAGE_INPUT + "' or '"
                        + Signature.TENSOR_INPUT + "'"));
        String datatype = text(in, "datatype");
        if (!datatype.equals(spec.datatype())) {
            throw new HttpError(400, "input '" + name + "' has datatype " + datatype + "; expected " + spec.datatype());
        }
        long[] shape = shape(in, name);
        List<String> outputs = outputs(root);
        if (spec.name().equals(Signature.IMAGE_INPUT)) {
            return new Request<>(id, images(in, shape, model, decoder), (int) shape[0], outputs);
        }
        return new Request<>(id, tensor(in, shape, model), (int) shape[0], outputs);
    }

    static String text(JsonNode in, String field) {
        JsonNode v = in.get(field);
        if (v == null || !v.isTextual()) {
            throw new HttpError(400, "input field '" + field + "' must be a string");
        }
        return v.asText();
    }

    static long[] shape(JsonNode in, String name) {
        JsonNode s = in.get("shape");
        if (s == null || !s.isArray() || s.isEmpty()) {
            throw new HttpError(400, "input '" + name + "' needs 'shape', an array of dimensions");
        }
        long[] shape = new long[s.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!s.get(i).canConvertToLong() || !s.get(i).isIntegralNumber() || s.get(i).asLong() < 0) {
                throw new HttpError(400, "input '" + name + "' shape[" + i + "] is " + s.get(i) + "; expected an integer >= 0");
            }
            shape[i] = s.get(i).asLong();
        }
        if (shape[0] < 1 || shape[0] > 1 << 16) {
            throw new HttpError(400, "input '" + name + "' has batch size " + shape[0] + "; expected 1..65536");
        }
        return shape;
    }

    static List<String> outputs(JsonNode root) {
        JsonNode o = root.get("outputs");
        List<String> all = List.of(Signature.PROBABILITIES_OUTPUT, Signature.LABEL_OUTPUT);
        if (o == null || o.isNull()) {
            return all;
        }
        if (!o.isArray()) {
            throw new HttpError(400, "'outputs' must be an array of {\"name\": …}");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : o) {
            String name = n.path("name").asText("");
            if (!all.contains(name)) {
                throw new HttpError(400, "unknown output '" + name + "'; this model gives " + all);
            }
            names.add(name);
        }
        return names.isEmpty() ? all : names;
    }

    private static float[] images(JsonNode in, long[] shape, TrainedModel model, ImageDecoder decoder) {
        if (shape.length != 1) {
            throw new HttpError(400, "input 'image' has shape " + java.util.Arrays.toString(shape) + "; expected [n]");
        }
        JsonNode data = in.get("data");
        if (data == null || !data.isArray() || data.size() != shape[0]) {
            throw new HttpError(400, "input 'image' needs 'data' with " + shape[0] + " base64 strings (one per image), got "
                    + (data == null || !data.isArray() ? "none" : data.size()));
        }
        int n = (int) shape[0];
        byte[][] encoded = new byte[n][];
        long pixels = 0;
        for (int i = 0; i < n; i++) {
            JsonNode e = data.get(i);
            if (!e.isTextual()) {
                throw new HttpError(400, "input 'image' data[" + i + "] is not a string; expected base64 of an encoded image");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(e.asText());
            } catch (IllegalArgumentException ex) {
                throw new HttpError(400, "input 'image' data[" + i + "] is not base64: " + ex.getMessage());
            }
            encoded[i] = bytes;
            // the sizes from the headers first, so that no image is decoded when they are too many pixels together
            String source = "image[" + i + "]";
            ImageDecoder.Size size = imageStep(() -> decoder.size(bytes, source));
            pixels += size.pixels();
            if (pixels > decoder.maxPixels()) {
                throw new HttpError(400, "input 'image' data[" + i + "] is " + size + " (" + size.pixels() + " pixels), "
                        + "which brings the request's images to " + pixels + " pixels, over the server's limit of "
                        + decoder.maxPixels() + " per request (maxImagePixels); nothing was decoded");
            }
        }
        int plane = 3 * model.inputSize() * model.inputSize();
        float[] out = new float[n * plane];
        for (int i = 0; i < n; i++) {
            String source = "image[" + i + "]";
            byte[] bytes = encoded[i];
            encoded[i] = null;
            float[] tensor = imageStep(() -> model.imageTensor(bytes, source, decoder));
            System.arraycopy(tensor, 0, out, i * plane, plane);
        }
        return out;
    }

    /** Runs one step on an image's bytes, answering its {@link InvalidInputException} with 400. */
    private static <T> T imageStep(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException ex) {
            throw new HttpError(400, "input " + ex.getMessage());
        }
    }

    private static float[] tensor(JsonNode in, long[] shape, TrainedModel model) {
        long s = model.inputSize();
        if (shape.length != 4 || shape[1] != 3 || shape[2] != s || shape[3] != s) {
            throw new HttpError(400, "input 'input' has shape " + java.util.Arrays.toString(shape) + "; expected [n, 3, "
                    + s + ", " + s + "]");
        }
        long count = shape[0] * 3 * s * s;
        JsonNode data = in.get("data");
        if (data == null || !data.isArray()) {
            throw new HttpError(400, "input 'input' needs 'data', an array of " + count + " numbers (row-major)");
        }
        long values = countValues(data, "input");
        if (values != count) {
            throw new HttpError(400, "input 'input' has " + values + " values; shape " + java.util.Arrays.toString(shape)
                    + " needs " + count);
        }
        float[] out = new float[Math.toIntExact(count)];
        flatten(data, out, new int[] {0}, shape, "input");
        return out;
    }

    /** Counts the numbers in nested arrays, refusing anything else (before allocating for them). */
    static long countValues(JsonNode node, String name) {
        long n = 0;
        for (JsonNode e : node) {
            if (e.isArray()) {
                n += countValues(e, name);
            } else if (e.isNumber()) {
                n++;
            } else {
                throw new HttpError(400, "input '" + name + "' data holds " + e + "; expected FP32 numbers");
            }
        }
        return n;
    }

    /**
     * Copies the numbers into {@code out} as FP32, refusing any that is not finite there: a literal such
     * as {@code 1e39} parses, but is beyond the FP32 range (±3.4028235e38) and becomes infinite, which
     * the model would turn into NaN probabilities.
     */
    static void flatten(JsonNode node, float[] out, int[] at, long[] shape, String name) {
        for (JsonNode e : node) {
            if (e.isArray()) {
                flatten(e, out, at, shape, name);
            } else {
                float v = e.floatValue();
                if (!Float.isFinite(v)) {
                    throw new HttpError(400, "input '" + name + "' data" + index(at[0], shape) + " (flat index " + at[0] + ") is "
                            + e.asText() + ", which is not a finite FP32 number (expected |x| <= " + Float.MAX_VALUE + ")");
                }
                out[at[0]++] = v;
            }
        }
    }

    /** The row-major multi-index of flat position {@code flat} in {@code shape}, e.g. {@code [0][2][5][7]}. */
    private static String index(long flat, long[] shape) {
        long[] idx = new long[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        StringBuilder sb = new StringBuilder();
        for (long i : idx) {
            sb.append('[').append(i).append(']');
        }
        return sb.toString();
    }

    /**
     * The v2 response for these probabilities: {@value Signature#PROBABILITIES_OUTPUT} in the datatype the
     * signature gives it ({@code FP32}, or {@code FP64} with every digit of the double), and
     * {@value Signature#LABEL_OUTPUT}, the most probable class (the first of equals).
     */
    public static byte[] response(String modelName, String version, Request<?> request, double[][] probabilities,
            Signature signature) {
        List<String> classes = signature.classes();
        boolean fp64 = signature.output(Signature.PROBABILITIES_OUTPUT).map(t -> t.datatype().equals("FP64"))
                .orElse(false);
        ObjectNode root = MAPPER.createObjectNode().put("model_name", modelName).put("model_version", version);
        request.id().ifPresent(id -> root.put("id", id));
        ArrayNode outputs = root.putArray("outputs");
        int n = probabilities.length;
        int k = classes.size();
        for (String name : request.outputs()) {
            ObjectNode o = outputs.addObject().put("name", name);
            if (name.equals(Signature.PROBABILITIES_OUTPUT)) {
                o.putArray("shape").add(n).add(k);
                o.put("datatype", fp64 ? "FP64" : "FP32");
                ArrayNode d = o.putArray("data");
                for (double[] row : probabilities) {
                    for (double p : row) {
                        if (fp64) {
                            d.add(p);
                        } else {
                            d.add((float) p);
                        }
                    }
                }
            } else {
                o.putArray("shape").add(n);
                o.put("datatype", "BYTES");
                ArrayNode d = o.putArray("data");
                for (double[] row : probabilities) {
                    int best = 0;
                    for (int j = 1; j < row.length; j++) {
                        best = row[j] > row[best] ? j : best;
                    }
                    d.add(classes.get(best));
                }
            }
        }
        return json(root);
    }

    /** {@code {"error": message}}. */
    public static byte[] error(String message) {
        return json(MAPPER.createObjectNode().put("error", message));
    }

    public static byte[] json(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
