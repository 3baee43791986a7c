package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.ConfusionMatrix;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.run.RunRecord;
import org.trustml.core.run.StageRecord;

/**
 * Builds a card from what a run knows, plus what callers add with typed methods; what only people
 * know (intended users, limitations, ethical considerations) is merged from their YAML with
 * {@link #mergeYaml(Path)}. Get one from {@link ModelCards#from}. Not thread-safe; {@link #build()}
 * may be called more than once.
 *
 * <p>From the {@link RunRecord}: {@code model_details.version} = the run id, dated with the run's
 * start (UTC), its {@code diff} naming the run's fingerprint and output hash; the documentation
 * lists the stages, seed and environment; {@code model_parameters.data} gets the source stage's
 * input and every table a stage produced (a stage that logged {@code rows} or {@code rows_out}),
 * each with its content hash and size; every metric a stage logged becomes a performance metric
 * named {@code <stage>.<metric>} (the MLflow key).
 */
public final class ModelCardBuilder {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private String name;
    private String overview;
    private String documentation;
    private Version version;
    private String architecture;
    private String inputFormat;
    private String outputFormat;
    private final List<Owner> owners = new ArrayList<>();
    private final List<License> licenses = new ArrayList<>();
    private final List<Dataset> datasets = new ArrayList<>();
    private final List<PerformanceMetric> metrics = new ArrayList<>();
    private final List<Graphic> graphics = new ArrayList<>();
    private final List<FairnessComparison> fairnessMetrics = new ArrayList<>();
    private final List<String> undefined = new ArrayList<>();
    private String graphicsDescription;
    private final List<ModelCard> overlays = new ArrayList<>();

    private ModelCardBuilder() {}

    /** A builder holding what this run record says. */
    public static ModelCardBuilder fromRun(RunRecord run) {
        requireNonNull(run, "run");
        ModelCardBuilder b = new ModelCardBuilder();
        b.name = run.experiment() == null || run.experiment().isBlank() ? run.runName()
                : run.experiment() + (run.runName() == null || run.runName().isBlank() ? "" : " / " + run.runName());
        b.version = new Version(Optional.of(run.runId()),
                Optional.ofNullable(run.startedAt()).map(t -> t.atOffset(ZoneOffset.UTC).toLocalDate().toString()),
                Optional.of("trustml run " + run.runId() + ", fingerprint " + run.fingerprint()
                        + run.outputHash().map(h -> ", output " + h).orElse("")));
        b.documentation = documentation(run);
        for (StageRecord s : run.stages()) {
            if (s.index() == 0 && s.inputHash().isPresent()) {
                b.datasets.add(Dataset.of(sourceName(s), "Read by stage '" + s.name() + "' (" + simpleName(s.type())
                        + "); content hash " + s.inputHash().get() + sizes(s.metrics(), "rows", "columns")));
            }
            boolean table = s.metrics().containsKey("rows") || s.metrics().containsKey("rows_out");
            if (table && s.outputHash().isPresent()) {
                b.datasets.add(Dataset.of(s.name() + " output", "Table produced by stage '" + s.name() + "' ("
                        + simpleName(s.type()) + "); content hash " + s.outputHash().get()
                        + sizes(s.metrics(), "rows", "rows_out", "columns")));
            }
            s.metrics().forEach((metric, value) -> b.metrics.add(PerformanceMetric.of(s.name() + "." + metric, value)));
        }
        return b;
    }

    public ModelCardBuilder name(String name) {
        this.name = requireNonNull(name, "name");
        return this;
    }

    public ModelCardBuilder overview(String overview) {
        this.overview = requireNonNull(overview, "overview");
        return this;
    }

    /** E.g. {@code "ResNet-18, 11.7 M parameters, TorchScript"}. */
    public ModelCardBuilder modelArchitecture(String architecture) {
        this.architecture = requireNonNull(architecture, "architecture");
        return this;
    }

    public ModelCardBuilder inputFormat(String inputFormat) {
        this.inputFormat = requireNonNull(inputFormat, "inputFormat");
        return this;
    }

    public ModelCardBuilder outputFormat(String outputFormat) {
        this.outputFormat = requireNonNull(outputFormat, "outputFormat");
        return this;
    }

    public ModelCardBuilder owner(String name, String contact) {
        owners.add(Owner.of(name, contact));
        return this;
    }

    /** A license by SPDX identifier, e.g. {@code Apache-2.0}. */
    public ModelCardBuilder license(String spdxIdentifier) {
        licenses.add(License.spdx(requireNonNull(spdxIdentifier, "spdxIdentifier")));
        return this;
    }

    /**
     * A dataset split the run used, e.g. {@code dataset("chest-ct", "test", 1200, "sha256:…")}.
     *
     * @param rows the number of examples (≥ 0)
     * @param contentHash its content hash, or null
     */
    public ModelCardBuilder dataset(String name, String split, long rows, String contentHash) {
        requireNonNull(name, "name");
        requireNonNull(split, "split");
        if (rows < 0) {
            throw InvalidInputException.problem("is negative").column("rows").value(rows).expected("a count >= 0").build();
        }
        datasets.add(Dataset.of(name + " (" + split + ")", "Split: " + split + "; " + rows + " examples"
                + (contentHash == null ? "" : "; content hash " + contentHash)));
        return this;
    }

    /** Classification metrics, overall or per slice. */
    public ModelCardBuilder performance(SlicedMetric... values) {
        Arrays.stream(values).map(SlicedMetric::toPerformanceMetric).forEach(metrics::add);
        return this;
    }

    /** Classification metrics, overall or per slice. */
    public ModelCardBuilder performance(List<SlicedMetric> values) {
        return performance(values.toArray(SlicedMetric[]::new));
    }

    /**
     * Every defined metric of an evaluation (any {@link MetricSource}: a classification report,
     * an {@code ImageEvaluation}, a fairness or robustness report), with its slice and, when the value
     * carries a defined one, its confidence interval; the direction comes from {@link StandardMetric}
     * where the name is known. Undefined (NaN) values cannot be
     * written in JSON; they are left off the metrics and listed under the card's limitations with
     * their reason instead.
     */
    public ModelCardBuilder performance(MetricSource source) {
        List<SlicedMetric> defined = new ArrayList<>();
        for (MetricValue m : source.metrics()) {
            if (Double.isNaN(m.value())) {
                undefined.add(m.name() + " on " + m.slice() + " is undefined: " + m.undefinedReason().orElse("no reason given"));
                continue;
            }
            CardMetric id = CardMetric.lookup(m.name()).orElseGet(() -> CardMetric.of(m.name(), MetricDirection.UNKNOWN));
            // a defined interval becomes MCT's confidence_interval; an undefined one has no bounds to write
            Optional<ConfidenceInterval> ci = m.interval().filter(i -> i.isDefined() && Double.isFinite(i.lower())
                    && Double.isFinite(i.upper())).map(i -> ConfidenceInterval.of(i.lower(), i.upper()));
            defined.add(new SlicedMetric(id, m.value(), m.slice().isOverall() ? Optional.empty() : Optional.of(m.slice().toString()),
                    ci));
        }
        return performance(defined);
    }

    /** Group-fairness metrics with their slices. */
    public ModelCardBuilder fairness(FairnessComparison... values) {
        Arrays.stream(values).map(FairnessComparison::toPerformanceMetric).forEach(metrics::add);
        fairnessMetrics.addAll(Arrays.asList(values));
        return this;
    }

    /**
     * A bar chart of every fairness metric added so far ({@link CardCharts#fairnessBars}), as the
     * graphic {@code fairness metrics}; call it after {@link #fairness(FairnessComparison...)}.
     */
    public ModelCardBuilder fairnessChart() {
        return graphic("fairness metrics", CardCharts.fairnessBars(fairnessMetrics));
    }

    /** The confusion matrix drawn by {@link CardCharts#confusionMatrix}, as the graphic {@code confusion matrix}. */
    public ModelCardBuilder confusionMatrix(ConfusionMatrix matrix) {
        return graphic("confusion matrix", CardCharts.confusionMatrix(matrix));
    }

    /** Clean vs adversarial accuracy at each ε. */
    public ModelCardBuilder robustness(RobustnessPoint... points) {
        Arrays.stream(points).flatMap(p -> p.toPerformanceMetrics().stream()).forEach(metrics::add);
        return this;
    }

    /** Drift check outcomes. */
    public ModelCardBuilder drift(DriftOutcome... checks) {
        Arrays.stream(checks).flatMap(c -> c.toPerformanceMetrics().stream()).forEach(metrics::add);
        return this;
    }

    /**
     * A graphic for {@code quantitative_analysis.graphics}: a PNG (checked by its signature),
     * embedded as base64. The array is encoded at once and not kept.
     */
    public ModelCardBuilder graphic(String name, byte[] png) {
        requireNonNull(name, "name");
        requireNonNull(png, "png");
        if (png.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw InvalidInputException.problem("is not a PNG image").column("graphic '" + name + "'")
                    .value(png.length + " bytes").expected("bytes starting with the PNG signature 89 50 4E 47").build();
        }
        graphics.add(Graphic.png(name, png));
        return this;
    }

    /** The caption of the graphics collection. */
    public ModelCardBuilder graphicsDescription(String description) {
        this.graphicsDescription = requireNonNull(description, "description");
        return this;
    }

    /** Merges a card the user wrote (YAML or JSON); its values win, lists are appended. */
    public ModelCardBuilder mergeYaml(Path userCard) {
        overlays.add(ModelCards.read(userCard));
        return this;
    }

    /** Merges a card; its values win, lists are appended. */
    public ModelCardBuilder merge(ModelCard overlay) {
        overlays.add(requireNonNull(overlay, "overlay"));
        return this;
    }

    /** The card. */
    public ModelCard build() {
        ModelDetails details = new ModelDetails(Optional.ofNullable(name), Optional.ofNullable(overview),
                Optional.ofNullable(documentation), owners, Optional.ofNullable(version), licenses, List.of(), List.of());
        ModelParameters parameters = new ModelParameters(Optional.ofNullable(architecture), datasets,
                Optional.ofNullable(inputFormat), Optional.ofNullable(outputFormat));
        Optional<GraphicsCollection> g = graphics.isEmpty() && graphicsDescription == null ? Optional.empty()
                : Optional.of(GraphicsCollection.of(graphicsDescription, graphics));
        Optional<Considerations> notes = undefined.isEmpty() ? Optional.empty()
                : Optional.of(new Considerations(List.of(), List.of(), undefined.stream().map(Limitation::of).toList(),
                        List.of(), List.of()));
        ModelCard card = new ModelCard(Optional.of(ModelCard.SCHEMA_VERSION), Optional.of(details),
                Optional.of(parameters), Optional.of(new QuantitativeAnalysis(metrics, g)), notes);
        for (ModelCard overlay : overlays) {
            card = ModelCards.merge(card, overlay);
        }
        return card;
    }

    private static String documentation(RunRecord run) {
        String stages = run.stages().stream()
                .map(s -> s.index() + " " + s.name() + " (" + simpleName(s.type()) + ", " + s.status() + ")")
                .collect(Collectors.joining("; "));
        var env = run.environment();
        return "Produced by trustml " + env.trustmlVersion() + " in run '" + run.runName() + "' (" + run.runId()
                + ") of experiment '" + run.experiment() + "', seed " + run.seed() + ", status " + run.status()
                + ". Stages: " + stages + ". Environment: Java " + env.javaVersion() + " (" + env.javaVendor()
                + "), DJL " + env.djlVersion() + (env.engines().isEmpty() ? "" : ", engines " + env.engines())
                + ", " + env.osName() + " " + env.osArch() + ". Run fingerprint " + run.fingerprint() + ".";
    }

    private static String sourceName(StageRecord s) {
        String path = s.config().path("path").asText("");
        if (!path.isEmpty()) {
            Path p = Path.of(path).getFileName();
            return p == null ? path : p.toString();
        }
        return s.name() + " input";
    }

    private static String sizes(Map<String, Double> metrics, String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            Double v = metrics.get(k);
            if (v != null) {
                sb.append("; ").append(k).append(' ').append(v == Math.rint(v) ? Long.toString(v.longValue()) : v);
            }
        }
        return sb.toString();
    }

    private static String simpleName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }
}
