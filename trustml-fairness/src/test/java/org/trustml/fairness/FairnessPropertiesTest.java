package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.Table;

/** Invariants from the issue: row order, identical groups, weight scaling, SPD range. */
class FairnessPropertiesTest {

    private static Table random(long seed, int n, double weightScale, boolean shuffle, boolean identicalGroups) {
        Random r = new Random(seed);
        long[] g = new long[n];
        long[] y = new long[n];
        long[] p = new long[n];
        double[] w = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = identicalGroups ? i % 2 : r.nextInt(2);
            y[i] = identicalGroups ? (i / 2) % 2 : r.nextInt(2);
            p[i] = identicalGroups ? (i / 4) % 2 : r.nextInt(2);
            w[i] = (1 + r.nextInt(4)) * weightScale;
            s[i] = identicalGroups ? ((i / 2) % 4) / 4.0 : r.nextInt(9) / 8.0;
        }
        g[0] = 0;
        g[1] = 1;
        if (identicalGroups) {
            for (int i = 0; i < n; i++) {
                w[i] = weightScale;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        if (shuffle) {
            Collections.shuffle(order, new Random(seed + 1));
        }
        int[] idx = order.stream().mapToInt(Integer::intValue).toArray();
        return Table.of(LongColumn.of("g", g), LongColumn.of("y", y), LongColumn.of("p", p), DoubleColumn.of("w", w),
                DoubleColumn.of("s", s)).take(idx);
    }

    private static FairnessReport report(Table t) {
        return Fairness.of(t).label("y").prediction("p").score("s").weights("w").privileged(Group.where("g", 1)).report();
    }

    @Property(tries = 40)
    void rowOrderDoesNotMatter(@ForAll long seed, @ForAll @IntRange(min = 4, max = 60) int n) {
        FairnessReport a = report(random(seed, n, 1, false, false));
        FairnessReport b = report(random(seed, n, 1, true, false));
        // dyadic weights and scores: every sum is exact whatever the order
        assertThat(b.dataset()).isEqualTo(a.dataset());
        assertThat(b.classification()).isEqualTo(a.classification());
    }

    @Property(tries = 40)
    void scalingAllWeightsChangesNothing(@ForAll long seed, @ForAll @IntRange(min = 4, max = 60) int n,
                                         @ForAll @DoubleRange(min = 0.01, max = 100) double c) {
        FairnessReport a = report(random(seed, n, 1, false, false));
        FairnessReport b = report(random(seed, n, c, false, false));
        for (FairnessReport.Entry e : a.entries()) {
            // counts scale with the weights; Dirichlet smoothing adds a constant to weighted counts, so
            // differential fairness depends on the weights' scale by design (Foulds et al.)
            if (e.metric().name().startsWith("NUM_") || e.metric() == FairnessMetric.SMOOTHED_EMPIRICAL_DIFFERENTIAL_FAIRNESS
                    || e.metric() == FairnessMetric.DIFFERENTIAL_FAIRNESS_BIAS_AMPLIFICATION) {
                continue;
            }
            double other = b.value(e.metric(), e.slice()).orElseThrow();
            if (e.section().equals("dataset")) {
                other = b.dataset(e.metric()).orElseThrow().get(e.slice());
            }
            if (Double.isNaN(e.value())) {
                assertThat(other).isNaN();
            } else if (Double.isFinite(e.value())) {
                assertThat(other).as(e.toString()).isCloseTo(e.value(), within(1e-9 * Math.max(1, Math.abs(e.value()))));
            }
        }
    }

    @Property(tries = 20)
    void identicalGroupsGiveDifferenceZeroAndRatioOne(@ForAll @IntRange(min = 2, max = 15) int blocks) {
        // both groups get exactly the same (y, ŷ) rows: every difference is 0 and every ratio 1
        FairnessReport r = report(random(1, 8 * blocks, 1, false, true));
        for (FairnessReport.Entry e : r.entries()) {
            String name = e.metric().jsonName();
            if (name.endsWith("_difference") && !Double.isNaN(e.value())) {
                assertThat(e.value()).as(name).isZero();
            }
            if ((name.endsWith("_ratio") || name.equals("disparate_impact")) && !Double.isNaN(e.value())) {
                assertThat(e.value()).as(name).isEqualTo(1.0);
            }
        }
    }

    @Property(tries = 40)
    void statisticalParityDifferenceIsInMinusOneToOne(@ForAll long seed, @ForAll @IntRange(min = 4, max = 60) int n) {
        FairnessReport r = report(random(seed, n, 1, false, false));
        assertThat(r.dataset(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between()).isBetween(-1.0, 1.0);
        assertThat(r.classification(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE).orElseThrow().between()).isBetween(-1.0, 1.0);
    }
}
