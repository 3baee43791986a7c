package org.trustml.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;
import org.trustml.fairness.Fairness;
import org.trustml.fairness.FairnessIntervals;
import org.trustml.fairness.FairnessReport;
import org.trustml.fairness.FairnessSpec;
import org.trustml.fairness.FairnessStatistics;
import org.trustml.fairness.Group;
import org.trustml.fairness.IntervalOptions;
import org.trustml.fairness.NDArrayStatistics;

/**
 * Every fairness metric but consistency over a table with sex, race and age_group columns (Table path),
 * and the same labels, predictions, scores, weights, masks and group ids as NDArrays (NDArray path); and the
 * same report with bootstrap intervals (1,000 resamples of the sufficient statistics).
 * Run with {@code DJL_CACHE_DIR=~/.djl.ai} and {@code -Dai.djl.offline=true} for the NDArray path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-Dai.djl.offline=true"})
public class FairnessBenchmark {
    @Param({"1000000"})
    int rows;

    private Table table;
    private NDManager manager;
    private NDArray labels;
    private NDArray predictions;
    private NDArray scores;
    private NDArray weights;
    private NDArray privileged;
    private NDArray groups;
    private FairnessStatistics statistics;
    private FairnessSpec spec;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        String[] races = {"white", "black", "asian", "other"};
        String[] ages = {"<25", "25-59", ">=60"};
        long[] sex = new long[rows];
        String[] race = new String[rows];
        String[] age = new String[rows];
        long[] y = new long[rows];
        long[] p = new long[rows];
        double[] s = new double[rows];
        double[] w = new double[rows];
        long[] priv = new long[rows];
        long[] gid = new long[rows];
        for (int i = 0; i < rows; i++) {
            sex[i] = r.nextInt(2);
            int ri = r.nextInt(4);
            int ai = r.nextInt(3);
            race[i] = races[ri];
            age[i] = ages[ai];
            y[i] = r.nextDouble() < 0.3 + 0.2 * sex[i] ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.5 * y[i] + 0.5 * r.nextDouble()));
            p[i] = s[i] > 0.5 ? 1 : 0;
            w[i] = 0.5 + r.nextDouble();
            priv[i] = sex[i];
            gid[i] = sex[i] * 12 + ri * 3 + ai;
        }
        table = Table.of(LongColumn.of("sex", sex), StringColumn.of("race", race), StringColumn.of("age_group", age),
                LongColumn.of("y", y), LongColumn.of("yhat", p), DoubleColumn.of("p", s), DoubleColumn.of("w", w));
        manager = NDManager.newBaseManager();
        labels = manager.create(y);
        predictions = manager.create(p);
        scores = manager.create(s);
        weights = manager.create(w);
        privileged = manager.create(priv);
        groups = manager.create(gid);
        Fairness f = Fairness.of(table).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race", "age_group");
        statistics = f.statistics();
        spec = f.spec();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
    }

    /** Reduction to sufficient statistics plus every metric except consistency, from a Table. */
    @Benchmark
    public FairnessReport tablePathAllMetrics() {
        return Fairness.of(table).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race", "age_group").report();
    }

    /**
     * {@link #tablePathAllMetrics()} plus 95% BCa intervals of every number from 1,000 bootstrap resamples: the rows
     * are reduced once; each resample is a multinomial draw of the cells' counts within each group key and a
     * recomputation of the report from those counts (the rows are not read again).
     */
    @Benchmark
    public FairnessReport tablePathAllMetricsBca1000() {
        return Fairness.of(table).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race", "age_group")
                .intervals(IntervalOptions.bca(0.95, 1000, 1)).report();
    }

    /** The 1,000-resample BCa intervals alone, from statistics already reduced. */
    @Benchmark
    public FairnessIntervals bootstrapBca1000FromStatistics() {
        return FairnessIntervals.of(statistics, spec, IntervalOptions.bca(0.95, 1000, 1));
    }

    /** The 1,000-resample percentile intervals alone (no jackknife), from statistics already reduced. */
    @Benchmark
    public FairnessIntervals bootstrapPercentile1000FromStatistics() {
        return FairnessIntervals.of(statistics, spec, IntervalOptions.percentile(0.95, 1000, 1));
    }

    /** The same from NDArrays (PyTorch CPU). */
    @Benchmark
    public FairnessReport ndarrayPathAllMetrics() {
        return NDArrayStatistics.labels(labels).predictions(predictions).scores(scores).weights(weights)
                .privileged(privileged).groups(groups).report();
    }
}
