package org.trustml.samples.credit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.table.Table;
import org.trustml.drift.ColumnDriftEvaluator;
import org.trustml.explain.TabularLimeEvaluator;
import org.trustml.fairness.FairnessEvaluator;
import org.trustml.fairness.FairnessMetric;
import org.trustml.fairness.Group;
import org.trustml.fairness.mitigation.Reweighing;
import org.trustml.fairness.mitigation.Target;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Publication;
import org.trustml.publish.Publish;
import org.trustml.publish.Signature;
import org.trustml.report.HtmlReport;
import org.trustml.serving.ModelServer;
import org.trustml.serving.ServerConfig;
import org.trustml.serving.TabularRequests;
import org.trustml.tabular.TabularClassifierConfig;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;

/**
 * Sample (3): the tabular path end to end. A credit-scoring pipeline with Tribuo's logistic regression
 * on applicants from {@link CreditData} (historical labels biased against women), run twice on the
 * same data and seed: as is, and with Reweighing (AIF360's pre-processing) before training. Each run
 * is evaluated on its held-out rows, per sex and age group, with the fairness report, column drift
 * against all applicants (a held-out sample should not drift: a check of the split) and LIME tabular on
 * three applicants (sampling around all applicants' statistics), and judged by
 * the same gates: accuracy at least {@value #MIN_ACCURACY} and disparate impact within the
 * four-fifths rule [0.8, 1.25]. The reweighed run goes on: its publish stage writes the blessed model
 * as version 1 of {@value #MODEL_NAME} into {@code registry/} (the baseline, not blessed, would be
 * refused), and the package is then served in process over the Open Inference Protocol v2 and asked
 * about {@value #ASKED} new applicants, one request of typed columns. Writes {@code comparison.json}
 * (the metrics before and after, and both verdicts) and {@code served.json} (the request and the answer).
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -cp "samples/target/classes:trustml-cli/target/lib/*" org.trustml.samples.credit.CreditScoringSample out
 * </pre>
 *
 * Reweighing is fitted on the whole table before the train stage holds rows out; the weights only
 * use counts per (sex, label), and evaluation ignores them.
 */
public final class CreditScoringSample {
    /** The published model's name. */
    public static final String MODEL_NAME = "credit-scoring";
    /** New applicants the served model is asked about. */
    public static final int ASKED = 3;
    /** The accuracy gate. */
    public static final double MIN_ACCURACY = 0.7;
    /** The metrics the comparison lists, overall. */
    public static final List<String> COMPARED = List.of("accuracy", "disparate_impact", "statistical_parity_difference",
            "equal_opportunity_difference", "average_odds_difference");

    private CreditScoringSample() {}

    /**
     * Both runs, what changed, and what the served model answered.
     *
     * @param baseline   the run as is, to the bless stage
     * @param mitigated  the reweighed run, through the publish stage
     * @param published  the package it published, opened and verified
     * @param comparison each of {@link #COMPARED} for both runs (the reweighed one's from the package)
     * @param served     the served model's answer
     * @param report     the trust report of the baseline run (its fairness and drift, its refused gates)
     */
    public record Outcome(PipelineRun<Blessing<TabularEvaluation>> baseline, PipelineRun<Publication> mitigated,
            ModelPackage published, Map<String, Map<String, Double>> comparison, Served served, Path report) {}

    /**
     * One served request and its answer.
     *
     * @param applicants    the rows asked about (every column of {@link CreditData}; only the features are sent)
     * @param request       the v2 request body
     * @param probabilities the {@code probabilities} output, one row per applicant, classes in the signature's order
     * @param labels        the {@code label} output
     */
    public record Served(Table applicants, String request, double[][] probabilities, List<String> labels) {}

    /**
     * Generates {@code applicants} rows under {@code out}, runs both pipelines (the reweighed one through
     * publishing), writes the comparison, and serves the package for one request.
     */
    public static Outcome run(Path out, int applicants, long seed) {
        Path csv = CreditData.write(out.resolve("applicants.csv"), applicants, seed);
        RunOptions options = RunOptions.seed(seed).withExperiment("credit-scoring")
                .withMlflowStore(out.resolve("mlruns"));
        TabularClassifierConfig config = TabularClassifierConfig.logisticRegression("credit", "sex", "age_group",
                "income", "debt_ratio", "years_employed", "history");
        Table all = Table.readCsv(csv);
        PipelineRun<Blessing<TabularEvaluation>> baseline = Pipeline.from(Ingest.csv(csv))
                .then(TrainTabularClassifier.with(config)).then(evaluate(all)).then(bless())
                .run(options.withRunName("baseline"));
        Reweighing reweighing = new Reweighing(new Reweighing.Config(
                new Target("credit", "good", Group.where("sex", "M"), Optional.empty()), Optional.empty(), "weight"));
        PipelineRun<Publication> mitigated = Pipeline.from(Ingest.csv(csv)).then(reweighing)
                .then(TrainTabularClassifier.with(config.withWeights("weight"))).then(evaluate(all)).then(bless())
                .then(Publish.to(out.resolve("registry"), MODEL_NAME))
                .run(options.withRunName("reweighed"));
        ModelPackage pkg = ModelPackage.open(mitigated.output().directory());
        Evaluation reweighed = pkg.evaluation();
        Map<String, Map<String, Double>> comparison = new LinkedHashMap<>();
        for (String metric : COMPARED) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("baseline", value(baseline.output().evaluation(), metric));
            row.put("reweighed", value(reweighed, metric));
            comparison.put(metric, row);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("metrics", comparison);
        file.put("baseline_verdict", baseline.output().verdict());
        file.put("reweighed_verdict", pkg.verdict());
        AtomicFiles.write(out.resolve("comparison.json"), o -> Json.writer().writeValue(o, file));
        Served served = serve(pkg, CreditData.generate(ASKED, seed + 1));
        AtomicFiles.write(out.resolve("served.json"), o -> Json.writer().writeValue(o, Map.of("request",
                Json.reader().readTree(served.request()), "probabilities", served.probabilities(), "labels",
                served.labels())));
        Path report = HtmlReport.of("Credit scoring, baseline", baseline).write(out.resolve("report.html"));
        return new Outcome(baseline, mitigated, pkg, comparison, served, report);
    }

    /**
     * Starts a server on the package (any free port on the loopback), sends one v2 request with the
     * applicants' feature columns, reads the answer and stops the server.
     */
    static Served serve(ModelPackage pkg, Table applicants) {
        String request = TabularRequests.json(applicants, pkg.signature(), Optional.of("sample"));
        try (ModelServer server = ModelServer.start(ServerConfig.defaults().withPort(0), pkg)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri().resolve("/v2/models/" + pkg.name() + "/infer"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the served model answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode outputs = Json.reader().readTree(r.body()).get("outputs");
            int k = pkg.signature().classes().size();
            double[][] p = new double[applicants.rowCount()][k];
            List<String> labels = new ArrayList<>();
            for (JsonNode o : outputs) {
                JsonNode data = o.get("data");
                for (int i = 0; i < data.size(); i++) {
                    if (o.get("name").asText().equals(Signature.PROBABILITIES_OUTPUT)) {
                        p[i / k][i % k] = data.get(i).doubleValue();
                    } else {
                        labels.add(data.get(i).asText());
                    }
                }
            }
            return new Served(applicants, request, p, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask the served model", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the served model", e);
        }
    }

    /**
     * Per sex and age group, the fairness report, column drift of the held-out rows against all applicants, and
     * LIME tabular on three held-out applicants (1,000 samples each, seed 7).
     */
    private static EvaluateTabularClassifier evaluate(Table applicants) {
        return EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex", "age_group")
                .with(FairnessEvaluator.of("good", Group.where("sex", "M"), "sex", "age_group"))
                .with(ColumnDriftEvaluator.against(applicants, "income", "debt_ratio", "years_employed", "history"))
                .with(TabularLimeEvaluator.of(3).withSamples(1000).withSeed(7).against(applicants));
    }

    private static Bless<TabularEvaluation> bless() {
        return Bless.by(Gate.on(ClassificationMetric.ACCURACY).atLeast(MIN_ACCURACY),
                Gate.on(FairnessMetric.DISPARATE_IMPACT).between(0.8, 1.25));
    }

    private static double value(MetricSource evaluation, String metric) {
        return evaluation.metric(metric).map(MetricValue::value).orElse(Double.NaN);
    }

    public static void main(String[] args) throws java.io.IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "credit-scoring"));
        Outcome o = run(out, args.length > 1 ? Integer.parseInt(args[1]) : 5000, 42);
        o.comparison().forEach((m, v) -> System.out.printf("%-32s baseline %8.4f   reweighed %8.4f%n", m,
                v.get("baseline"), v.get("reweighed")));
        System.out.println("baseline:  " + o.baseline().output().verdict().summary());
        System.out.println("reweighed: " + o.published().verdict().summary());
        System.out.println("comparison: " + out.resolve("comparison.json"));
        System.out.println("report:     " + o.report());
        System.out.println("published: " + o.published().name() + " version " + o.published().version() + " in "
                + o.published().directory());
        for (int i = 0; i < o.served().labels().size(); i++) {
            System.out.printf("served: applicant %d -> %s (p = %s)%n", i + 1, o.served().labels().get(i),
                    java.util.Arrays.toString(o.served().probabilities()[i]));
        }
    }
}
