package org.trustml.fairness;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * The options of a fairness evaluation, shared by every engine that computes one: {@link Fairness} (a
 * {@code Table} or a streamed CSV file) and trustml-spark's {@code SparkFairness} (a Spark DataFrame). Each
 * setter returns the engine's own type, so a chain ends in that engine's {@code report()}; {@link #spec()}
 * is the resulting {@link FairnessSpec}. Not thread-safe.
 *
 * @param <SELF> the engine's type
 */
public abstract class FairnessOptions<SELF extends FairnessOptions<SELF>> {
    private String label;
    private String prediction;
    private String score;
    private String weights;
    private Group privileged;
    private Group unprivileged;
    private Labels labels = Labels.binary();
    private List<String> protectedColumns = List.of();
    private List<String> features = List.of();
    private int neighbors = 5;
    private double concentration = 1.0;
    private Optional<IntervalOptions> intervals = Optional.empty();
    private Optional<IntersectionalSearch.Options> search = Optional.empty();

    /** For the engines. */
    protected FairnessOptions() {}

    @SuppressWarnings("unchecked")
    private SELF self() {
        return (SELF) this;
    }

    /** The column of true labels (required). */
    public SELF label(String column) {
        this.label = Objects.requireNonNull(column, "column");
        return self();
    }

    /** The column of predicted labels; without it only dataset metrics are computed. */
    public SELF prediction(String column) {
        this.prediction = Objects.requireNonNull(column, "column");
        return self();
    }

    /** The column of favorable-class scores in [0, 1], for the generalized counts. */
    public SELF score(String column) {
        this.score = Objects.requireNonNull(column, "column");
        return self();
    }

    /** The column of instance weights. */
    public SELF weights(String column) {
        this.weights = Objects.requireNonNull(column, "column");
        return self();
    }

    /** The privileged group (required). */
    public SELF privileged(Group group) {
        this.privileged = Objects.requireNonNull(group, "group");
        return self();
    }

    /** The unprivileged group; by default every row that is not privileged. */
    public SELF unprivileged(Group group) {
        this.unprivileged = Objects.requireNonNull(group, "group");
        return self();
    }

    /** The favorable label value in binary mode (default 1). */
    public SELF favorable(Object value) {
        this.labels = labels.unfavorable().isPresent()
                ? Labels.binary(value, labels.unfavorable().get()) : Labels.binary(value);
        return self();
    }

    /** The unfavorable label value in binary mode (default: the other value in the data). */
    public SELF unfavorable(Object value) {
        this.labels = Labels.binary(labels.favorable().get(0), value);
        return self();
    }

    /** Multiclass labels, one-vs-rest: these values are favorable; adds a per-class table. */
    public SELF oneVsRest(Object... favorable) {
        this.labels = Labels.oneVsRest(favorable);
        return self();
    }

    /** The protected columns whose intersections define EDF, bias amplification and the intersectional report. */
    public SELF protectedColumns(String... columns) {
        this.protectedColumns = List.of(columns);
        return self();
    }

    /** Feature columns for consistency (k-NN); without them consistency is not computed. */
    public SELF features(String... columns) {
        this.features = List.of(columns);
        return self();
    }

    /** k of consistency (default 5). */
    public SELF neighbors(int k) {
        this.neighbors = k;
        return self();
    }

    /** Dirichlet concentration of differential fairness (default 1.0). */
    public SELF concentration(double c) {
        this.concentration = c;
        return self();
    }

    /**
     * Adds confidence intervals to every number the statistics determine:
     * {@code .intervals(IntervalOptions.bca(0.95, 1000, seed))}; see {@link FairnessIntervals}.
     */
    public SELF intervals(IntervalOptions options) {
        this.intervals = Optional.of(Objects.requireNonNull(options, "options"));
        return self();
    }

    /**
     * Adds the search for subgroups of up to {@code options.depth()} protected columns whose rate differs
     * significantly from the rest: {@code .intersectionalSearch(IntersectionalSearch.Options.depth(2))}.
     */
    public SELF intersectionalSearch(IntersectionalSearch.Options options) {
        this.search = Optional.of(Objects.requireNonNull(options, "options"));
        return self();
    }

    /** The interval options, when {@link #intervals} was called. */
    protected final Optional<IntervalOptions> intervalOptions() {
        return intervals;
    }

    /** The search options, when {@link #intersectionalSearch} was called. */
    protected final Optional<IntersectionalSearch.Options> searchOptions() {
        return search;
    }

    /** The specification built so far. */
    public FairnessSpec spec() {
        if (label == null) {
            throw InvalidInputException.problem("is not set").column("label").expected("the true label column").build();
        }
        if (privileged == null) {
            throw InvalidInputException.problem("is not set").column("privileged")
                    .expected("a privileged group, e.g. sex=1").build();
        }
        return new FairnessSpec(label, Optional.ofNullable(prediction), Optional.ofNullable(score),
                Optional.ofNullable(weights), privileged, Optional.ofNullable(unprivileged), labels, protectedColumns,
                features, neighbors, concentration);
    }
}
