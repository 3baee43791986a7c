package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.io.Json;
import org.trustml.core.table.Column;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;

/**
 * Model-neutral {@link Predictions} from a served classifier's Open Inference Protocol v2 answers, so that
 * the evaluators that read predictions (fairness, column drift, metrics per slice: every
 * {@link org.trustml.core.evaluation.PredictionsEvaluator}) run on what a served model answered exactly
 * as they run in an evaluate stage. The client keeps what it asked about and what it was told:
 *
 * <ul>
 *   <li>{@code rows}, a table of the rows it asked about, in the order it sent them: the feature columns
 *       it sent (see {@link TabularRequests}) and any others, such as the true label once it is known and
 *       protected attributes a request need not carry. Every column becomes an attribute of the
 *       predictions, as every column of the held-out rows does in the tabular evaluate stage.</li>
 *   <li>{@code responses}, the bodies of the answers, in the order the rows were sent; together they
 *       answer every row once (one request for all rows, or one per chunk of rows).</li>
 * </ul>
 *
 * <pre>{@code
 * String answer = post(TabularRequests.json(rows, signature, Optional.of("batch-1")));
 * Predictions served = ServedPredictions.of(rows, "approved", signature, List.of(answer));
 * FairnessReport report = fairness.report(served);
 * }</pre>
 *
 * <p>The probabilities are the {@value Signature#PROBABILITIES_OUTPUT} output, {@code [n, k]} with the
 * signature's classes in order. {@code FP64} data (a tabular classifier's) are read as written, so they
 * are the served model's doubles bit for bit; {@code FP32} data (an image classifier's) are read as the
 * floats the server wrote, widened to double. The predicted class is the {@value Signature#LABEL_OUTPUT}
 * output when the answer has one, else the most probable class (the first of equals, as the server
 * picks its label). A request that asked for only one of the two outputs is read as far as it goes:
 * predictions without probabilities when it asked only for labels.
 */
public final class ServedPredictions {
    private ServedPredictions() {}

    /**
     * The predictions the served model gave on {@code rows}, with {@code truthColumn} as the true class.
     *
     * @param rows        the rows asked about, in the order they were sent, with the true label
     * @param truthColumn the column of {@code rows} holding the true class, one of the signature's classes
     * @param signature   the served package's signature (its classes, in output order)
     * @param responses   the v2 response bodies, in the order the rows were sent
     * @throws InvalidInputException naming the response ({@code responses[i]}, 0-based), the output, the
     *                               row of {@code rows} (1-based) and the value, when an answer is not JSON
     *                               or is an error, lacks both outputs, has the wrong shape, a label that
     *                               is not a class or probabilities that are not numbers in [0, 1] summing
     *                               to 1; when the answers do not cover the rows one for one; or when a
     *                               true label is missing or not a class
     */
    public static Predictions of(Table rows, String truthColumn, Signature signature, List<String> responses) {
        requireNonNull(rows, "rows");
        requireNonNull(truthColumn, "truthColumn");
        List<String> classes = requireNonNull(signature, "signature").classes();
        if (requireNonNull(responses, "responses").isEmpty()) {
            throw InvalidInputException.problem("is empty").column("responses")
                    .expected("the answers to the " + rows.rowCount() + " rows").build();
        }
        List<Answer> answers = new ArrayList<>();
        for (int r = 0; r < responses.size(); r++) {
            Answer a = Answer.read(responses.get(r), r, classes);
            if (r > 0 && !a.outputs().equals(answers.get(0).outputs())) {
                throw InvalidInputException.problem("has the outputs " + a.outputs()).column("responses[" + r + "]")
                        .expected("the outputs of responses[0], " + answers.get(0).outputs()).build();
            }
            answers.add(a);
        }
        int answered = answers.stream().mapToInt(Answer::rows).sum();
        if (answered != rows.rowCount()) {
            throw InvalidInputException.problem("answer " + answered + " rows").column("responses")
                    .value(responses.size() + " responses")
                    .expected("answers to each of the " + rows.rowCount() + " rows once, in order").build();
        }
        Predictions.Builder b = Predictions.builder(classes).truth(truth(rows, truthColumn, classes)).attributes(rows);
        if (answers.get(0).probabilities().isPresent()) {
            b.probabilities(answers.stream().flatMap(a -> Stream.of(a.probabilities().get())).toArray(double[][]::new));
        }
        if (answers.get(0).labels().isPresent()) {
            b.predicted(answers.stream().flatMap(a -> a.labels().get().stream()).mapToInt(classes::indexOf).toArray());
        }
        return b.build();
    }

    private static int[] truth(Table rows, String truthColumn, List<String> classes) {
        if (!rows.hasColumn(truthColumn)) {
            throw InvalidInputException.problem("is not a column of the rows").column(truthColumn)
                    .expected("the column of true labels, one of " + rows.columnNames()).build();
        }
        Column c = rows.column(truthColumn);
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            int k = c.isMissing(i) ? -1 : classes.indexOf(c.format(i));
            if (k < 0) {
                throw InvalidInputException.problem(c.isMissing(i) ? "is missing" : "is not a class of the model")
                        .row(i + 1L).column(truthColumn).value(c.isMissing(i) ? "" : c.format(i))
                        .expected("a true label, one of " + classes).build();
            }
            out[i] = k;
        }
        return out;
    }

    /** One answer's outputs: probabilities {@code [m][k]} and labels, either possibly absent. */
    record Answer(Optional<double[][]> probabilities, Optional<List<String>> labels) {
        int rows() {
            return probabilities.map(p -> p.length).orElseGet(() -> labels.orElseThrow().size());
        }

        List<String> outputs() {
            List<String> names = new ArrayList<>();
            probabilities.ifPresent(p -> names.add(Signature.PROBABILITIES_OUTPUT));
            labels.ifPresent(l -> names.add(Signature.LABEL_OUTPUT));
            return names;
        }

        static Answer read(String body, int r, List<String> classes) {
            String where = "responses[" + r + "]";
            JsonNode root;
            try {
                root = Json.reader().readTree(requireNonNull(body, where));
            } catch (JsonProcessingException e) {
                throw InvalidInputException.problem("is not JSON: " + e.getOriginalMessage()).column(where)
                        .expected("the body of a v2 inference answer").build(e);
            }
            if (root == null || !root.isObject() || root.has("error") || !root.path("outputs").isArray()) {
                throw InvalidInputException.problem(root != null && root.has("error") ? "is an error answer"
                                : "has no 'outputs' array").column(where).value(body)
                        .expected("the body of a 200 v2 inference answer").build();
            }
            Optional<double[][]> p = Optional.empty();
            Optional<List<String>> labels = Optional.empty();
            for (JsonNode o : root.get("outputs")) {
                String name = o.path("name").asText();
                if (name.equals(Signature.PROBABILITIES_OUTPUT)) {
                    p = Optional.of(probabilities(o, where + ".outputs." + name, classes.size()));
                } else if (name.equals(Signature.LABEL_OUTPUT)) {
                    labels = Optional.of(labels(o, where + ".outputs." + name, classes));
                }
            }
            if (p.isEmpty() && labels.isEmpty()) {
                throw InvalidInputException.problem("has neither output").column(where + ".outputs")
                        .expected("'" + Signature.PROBABILITIES_OUTPUT + "' or '" + Signature.LABEL_OUTPUT + "'")
                        .build();
            }
            if (p.isPresent() && labels.isPresent() && p.get().length != labels.get().size()) {
                throw InvalidInputException.problem("answers " + labels.get().size() + " rows but its probabilities "
                        + p.get().length).column(where + ".outputs." + Signature.LABEL_OUTPUT)
                        .expected("one label per row of probabilities").build();
            }
            return new Answer(p, labels);
        }

        private static double[][] probabilities(JsonNode o, String where, int k) {
            String datatype = o.path("datatype").asText();
            JsonNode shape = o.path("shape");
            if (!datatype.equals("FP64") && !datatype.equals("FP32") || shape.size() != 2
                    || shape.get(1).asLong() != k || shape.get(0).asLong() < 0) {
                throw InvalidInputException.problem("is not a tensor of probabilities").column(where)
                        .value(datatype + " " + shape).expected("FP64 or FP32 [n, " + k + "], one column per class")
                        .build();
            }
            List<JsonNode> data = flat(o.path("data"), new ArrayList<>());
            int m = Math.toIntExact(shape.get(0).asLong());
            if (data.size() != (long) m * k) {
                throw InvalidInputException.problem("has " + data.size() + " values").column(where + ".data")
                        .expected(m * k + " for shape [" + m + ", " + k + "]").build();
            }
            double[][] out = new double[m][k];
            for (int i = 0; i < data.size(); i++) {
                JsonNode v = data.get(i);
                if (!v.isNumber()) {
                    throw InvalidInputException.problem("is not a number").column(where + ".data[" + i + "]")
                            .value(v).expected("a probability in [0, 1]").build();
                }
                // FP32: the float the server wrote, widened, as the image evaluate stage widens its softmax
                out[i / k][i % k] = datatype.equals("FP32") ? (float) v.doubleValue() : v.doubleValue();
            }
            return out;
        }

        private static List<String> labels(JsonNode o, String where, List<String> classes) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : flat(o.path("data"), new ArrayList<>())) {
                if (!v.isTextual() || !classes.contains(v.asText())) {
                    throw InvalidInputException.problem("is not a class of the model")
                            .column(where + ".data[" + out.size() + "]").value(v.isTextual() ? v.asText() : v)
                            .expected("one of " + classes).build();
                }
                out.add(v.asText());
            }
            return out;
        }

        /** The values of a flat or nested array, row-major. */
        private static List<JsonNode> flat(JsonNode data, List<JsonNode> into) {
            if (data.isArray()) {
                data.forEach(e -> flat(e, into));
            } else if (!data.isMissingNode()) {
                into.add(data);
            }
            return into;
        }
    }
}
