package org.trustml.serving;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.core.evaluation.TableClassifier;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;
import org.trustml.publish.Signature;
import org.trustml.publish.TensorSpec;

/**
 * A tabular classifier served over the Open Inference Protocol v2, as a model-neutral {@link TableClassifier}:
 * the checks that query a model (LIME tabular through {@code TabularLimeEvaluator.on(served)}, any
 * {@link org.trustml.core.evaluation.TableEvaluator}) ask the served model itself, so a served model's
 * answers are explained as an evaluate stage explains the model it holds.
 *
 * <pre>{@code
 * ServedClassifier served = ServedClassifier.at(URI.create("http://scoring:8080/v2/models/credit/infer"),
 *         pkg.signature());
 * Predictions answered = ServedPredictions.of(rows, "credit", pkg.signature(), responses);
 * TabularExplanationReport why = (TabularExplanationReport) TabularLimeEvaluator.of(3).against(train)
 *         .on(served).evaluate(answered, null);
 * }</pre>
 *
 * <p>{@link #probabilities} sends the rows' feature columns (the signature's typed inputs) in requests of at
 * most {@link #withBatch batch} rows, one after the other, and reads the {@value Signature#PROBABILITIES_OUTPUT}
 * output of each answer as {@link ServedPredictions} does. A {@code double} column sent to an {@code INT64}
 * input is rounded to the nearest integer (LIME samples integer features as continuous values; the server takes
 * integers only). An answer that is not a 200 or not a v2 answer is a {@link TrustmlException} naming the
 * endpoint, the status and the rows asked about.
 */
public final class ServedClassifier implements TableClassifier {
    private final URI infer;
    private final Signature signature;
    private final List<String> features;
    private final int batch;
    private final Duration timeout;
    private final HttpClient client;

    private ServedClassifier(URI infer, Signature signature, int batch, Duration timeout, HttpClient client) {
        this.infer = infer;
        this.signature = signature;
        this.features = signature.inputs().stream().filter(ServedClassifier::isColumn).map(TensorSpec::name).toList();
        this.batch = batch;
        this.timeout = timeout;
        this.client = client;
    }

    /**
     * The model answering at {@code infer} ({@code …/v2/models/<name>/infer}) with the served package's
     * signature; requests of up to 256 rows, 30 s each.
     */
    public static ServedClassifier at(URI infer, Signature signature) {
        requireNonNull(infer, "infer");
        requireNonNull(signature, "signature");
        if (signature.inputs().stream().noneMatch(ServedClassifier::isColumn)) {
            throw InvalidInputException.problem("has no column inputs").column("signature")
                    .value(signature.inputs().stream().map(TensorSpec::name).toList())
                    .expected("a tabular model's signature: one input per feature column").build();
        }
        return new ServedClassifier(infer, signature, 256, Duration.ofSeconds(30),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** The same sending at most {@code rows} rows per request (the server's limits may ask for fewer). */
    public ServedClassifier withBatch(int rows) {
        if (rows < 1) {
            throw InvalidInputException.problem("is below 1").column("batch").value(rows)
                    .expected("at least one row per request").build();
        }
        return new ServedClassifier(infer, signature, rows, timeout, client);
    }

    private static boolean isColumn(TensorSpec spec) {
        return !spec.name().equals(Signature.TENSOR_INPUT) && !spec.name().equals(Signature.IMAGE_INPUT);
    }

    @Override
    public List<String> classes() {
        return signature.classes();
    }

    @Override
    public List<String> features() {
        return features;
    }

    @Override
    public double[][] probabilities(Table rows) {
        Table sent = integral(requireNonNull(rows, "rows").select(features.toArray(String[]::new)));
        List<double[]> out = new ArrayList<>(rows.rowCount());
        for (int start = 0; start < sent.rowCount(); start += batch) {
            int from = start;
            int to = Math.min(from + batch, sent.rowCount());
            Table chunk = sent.take(IntStream.range(from, to).toArray());
            String body = post(TabularRequests.of(chunk, signature, Optional.empty()), from, to);
            ServedPredictions.Answer a = ServedPredictions.Answer.read(body, from / batch, classes());
            double[][] p = a.probabilities().orElseThrow(() -> new TrustmlException(infer + " answered rows "
                    + (from + 1) + "–" + to + " without the '" + Signature.PROBABILITIES_OUTPUT + "' output"));
            if (p.length != to - from) {
                throw new TrustmlException(infer + " answered " + p.length + " rows for rows " + (from + 1) + "–"
                        + to + " (" + (to - from) + " asked)");
            }
            out.addAll(List.of(p));
        }
        return out.toArray(double[][]::new);
    }

    /** {@code double} columns sent to {@code INT64} inputs, rounded to the nearest integer. */
    private Table integral(Table rows) {
        Table t = rows;
        for (TensorSpec spec : signature.inputs()) {
            if (spec.datatype().equals("INT64") && rows.hasColumn(spec.name())
                    && rows.column(spec.name()) instanceof DoubleColumn d) {
                long[] v = new long[d.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.round(d.getDouble(i));
                }
                t = t.drop(spec.name()).withColumn(LongColumn.of(spec.name(), v));
            }
        }
        return t;
    }

    private String post(byte[] request, int from, int to) {
        HttpRequest r = HttpRequest.newBuilder(infer).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        HttpResponse<String> answer;
        try {
            answer = client.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TrustmlException("could not ask " + infer + " about rows " + (from + 1) + "–" + to + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustmlException("interrupted while asking " + infer, e);
        }
        if (answer.statusCode() != 200) {
            throw new TrustmlException(infer + " answered " + answer.statusCode() + " for rows " + (from + 1) + "–"
                    + to + ": " + abbreviated(answer.body()));
        }
        return answer.body();
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    @Override
    public String toString() {
        return "served classifier at " + infer;
    }
}
