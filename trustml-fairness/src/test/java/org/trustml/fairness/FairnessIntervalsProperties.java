package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.trustml.core.evaluation.MetricInterval;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** Invariants of the bootstrap intervals: seeds, the point inside the percentile interval, partitions merged. */
class FairnessIntervalsProperties {
    /** Rows of two sexes and three races, integer weights and dyadic scores (every sum exact in any order). */
    static Table rows(long seed, int n, boolean weighted) {
        Random r = new Random(seed);
        long[] sex = new long[n];
        String[] race = new String[n];
        long[] y = new long[n];
        long[] p = new long[n];
        double[] w = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            sex[i] = i < 2 ? i : r.nextInt(2);
            race[i] = new String[] {"a", "b", "c"}[r.nextInt(3)];
            y[i] = r.nextInt(2);
            p[i] = r.nextDouble() < (y[i] == 1 ? 0.7 : 0.3) ? 1 : 0;
            w[i] = weighted ? 1 + r.nextInt(3) : 1;
            s[i] = r.nextInt(9) / 8.0;
        }
        return Table.of(LongColumn.of("sex", sex), StringColumn.of("race", race), LongColumn.of("y", y),
                LongColumn.of("yhat", p), DoubleColumn.of("w", w), DoubleColumn.of("s", s));
    }

    static Fairness fairness(Table t) {
        return Fairness.of(t).label("y").prediction("yhat").score("s").weights("w").privileged(Group.where("sex", 1))
                .protectedColumns("sex", "race");
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameIntervalsWhateverTheRowOrder(@ForAll long seed, @ForAll @IntRange(min = 8, max = 80) int n,
                                                            @ForAll boolean bca) {
        Table t = rows(seed, n, true);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed ^ 1));
        Table shuffled = t.take(order.stream().mapToInt(Integer::intValue).toArray());
        IntervalOptions o = bca ? IntervalOptions.bca(0.9, 60, seed) : IntervalOptions.percentile(0.9, 60, seed);
        FairnessIntervals a = FairnessIntervals.of(fairness(t).statistics(), fairness(t).spec(), o);
        FairnessIntervals b = FairnessIntervals.of(fairness(t).statistics(), fairness(t).spec(), o);
        FairnessIntervals c = FairnessIntervals.of(fairness(shuffled).statistics(), fairness(shuffled).spec(), o);
        assertThat(b).isEqualTo(a);
        assertThat(c.values()).isEqualTo(a.values());
    }

    /**
     * Rates, their differences, ratios and averages: smooth functions of the cell counts, whose bootstrap
     * distribution is centred near the point, so a percentile interval of any sensible level holds the point. (A
     * maximum or an absolute value, such as equalized odds, can put the point below every resample: not listed.)
     */
    static boolean smooth(String key) {
        String metric = key.split("\\.")[1];
        return metric.endsWith("_rate") || metric.endsWith("_difference") && !metric.startsWith("equalized")
                && !metric.startsWith("generalized_equalized") && !metric.startsWith("average_abs")
                || metric.endsWith("_ratio") || metric.equals("disparate_impact") || metric.endsWith("_value")
                || metric.equals("accuracy");
    }

    @Property(tries = 10)
    void aPercentileIntervalHoldsItsPointForSmoothMetrics(@ForAll long seed, @ForAll @IntRange(min = 30, max = 150) int n) {
        Table t = rows(seed, n, false);
        Fairness f = fairness(t);
        FairnessReport r = f.intervals(IntervalOptions.percentile(0.9, 100, seed)).report();
        Map<String, Double> point = ReportAssembler.flatValues(f.statistics(), f.spec(), new java.util.HashMap<>());
        int checked = 0;
        for (Map.Entry<String, MetricInterval> e : r.intervals().orElseThrow().values().entrySet()) {
            if (smooth(e.getKey()) && e.getValue().isDefined()) {
                assertThat(e.getValue().contains(point.get(e.getKey()))).as(e.getKey() + " " + point.get(e.getKey()) + " "
                        + e.getValue().describe()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Property(tries = 10)
    void partitionsMergedGiveTheOnePassIntervals(@ForAll long seed, @ForAll @IntRange(min = 12, max = 90) int n,
                                                 @ForAll @IntRange(min = 2, max = 3) int parts) {
        Table t = rows(seed, n, true);
        // each partition gets one privileged and one unprivileged row first (a partition's statistics need both
        // groups), the rest in a seeded shuffle
        List<Integer> priv = new ArrayList<>();
        List<Integer> unpriv = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (((LongColumn) t.column("sex")).get(i) == 1 ? priv : unpriv).add(i);
        }
        if (priv.size() < parts || unpriv.size() < parts) {
            return;
        }
        List<List<Integer>> partition = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            partition.add(new ArrayList<>(List.of(priv.get(k), unpriv.get(k))));
        }
        List<Integer> rest = new ArrayList<>(priv.subList(parts, priv.size()));
        rest.addAll(unpriv.subList(parts, unpriv.size()));
        Collections.shuffle(rest, new Random(seed));
        for (int i = 0; i < rest.size(); i++) {
            partition.get(i % parts).add(rest.get(i));
        }
        FairnessStatistics merged = null;
        for (List<Integer> rowsOfPart : partition) {
            FairnessStatistics s = fairness(t.take(rowsOfPart.stream().mapToInt(Integer::intValue).toArray())).statistics();
            merged = merged == null ? s : merged.merge(s);
        }
        Fairness whole = fairness(t);
        IntervalOptions o = IntervalOptions.bca(0.9, 60, seed);
        assertThat(FairnessIntervals.of(merged, whole.spec(), o)).isEqualTo(FairnessIntervals.of(whole.statistics(),
                whole.spec(), o));
        assertThat(Fairness.report(merged, whole.spec()).classification())
                .isEqualTo(Fairness.report(whole.statistics(), whole.spec()).classification());
    }
}
