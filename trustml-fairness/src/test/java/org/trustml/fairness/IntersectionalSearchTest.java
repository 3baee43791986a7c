package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustml.core.io.Json;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.LongColumn;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/** The subgroup search on hand-made rows, and Benjamini–Hochberg by hand. */
class IntersectionalSearchTest {
    @Test
    void benjaminiHochbergByHand() {
        // sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m·p/rank = 0.02, 0.02, 0.04, 0.04; running minimum
        // from the largest rank down leaves them as they are
        assertThat(IntersectionalSearch.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(0.02, 0.04, 0.04, 0.02);
        // 2·0.5/1 = 1.0 is lowered to the next rank's 2·0.9/2 = 0.9; nothing exceeds 1
        assertThat(IntersectionalSearch.benjaminiHochberg(new double[] {0.5, 0.9})).containsExactly(0.9, 0.9);
        // 3·0.8/3 = 0.8 (to rounding) is the largest rank's and caps the others
        assertThat(IntersectionalSearch.benjaminiHochberg(new double[] {0.8, 0.6, 0.7}))
                .containsExactly(new double[] {0.8, 0.8, 0.8}, within(1e-15));
    }

    /**
     * 180 rows: race a, b, c, 60 each, half of each sex=0 and half sex=1. Favorable predictions: 36 of 60 in race a
     * (18 per sex), 36 in b, 6 in c (3 per sex). So {race=c} has 6/60 = 0.1 against 72/120 = 0.6 for the rest.
     */
    static Table rows() {
        int n = 180;
        long[] sex = new long[n];
        String[] race = new String[n];
        long[] p = new long[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int r = i / 60;
            int j = i % 60;
            race[i] = new String[] {"a", "b", "c"}[r];
            sex[i] = j % 2;
            int withinSex = j / 2;  // 0..29
            p[i] = withinSex < (r == 2 ? 3 : 18) ? 1 : 0;
            w[i] = 1 + i % 3;
        }
        return Table.of(LongColumn.of("sex", sex), StringColumn.of("race", race), LongColumn.of("y", p),
                LongColumn.of("yhat", p), DoubleColumn.of("w", w));
    }

    @Test
    void theWorstSignificantSubgroupIsNamedWithItsInterval() {
        FairnessReport r = Fairness.of(rows()).label("y").prediction("yhat").privileged(Group.where("sex", 1))
                .protectedColumns("sex", "race").intersectionalSearch(IntersectionalSearch.Options.depth(2).minSupport(20))
                .report();
        IntersectionalSearch s = r.intersectionalSearch().orElseThrow();
        // 2 sexes + 3 races + 6 pairs, each with 30 or more rows
        assertThat(s.considered()).isEqualTo(11);
        assertThat(s.tested()).isEqualTo(11);
        assertThat(s.rate()).isEqualTo("selection_rate");
        IntersectionalSearch.Subgroup worst = s.worst().orElseThrow();
        assertThat(worst.group()).isEqualTo("{race=c}");
        assertThat(worst.rate()).isEqualTo(0.1);
        assertThat(worst.restRate()).isEqualTo(0.6);
        assertThat(worst.difference()).isCloseTo(-0.5, within(1e-15));
        // pooled rate 78/180; z = (0.1 − 0.6) / √(p̂(1 − p̂)(1/60 + 1/120)) = −6.3820…
        double pooled = 78.0 / 180;
        assertThat(worst.z()).isCloseTo(-0.5 / Math.sqrt(pooled * (1 - pooled) * (1.0 / 60 + 1.0 / 120)), within(1e-12));
        assertThat(worst.pValue()).isLessThan(1e-9);
        assertThat(worst.significant()).isTrue();
        assertThat(worst.differenceInterval().contains(-0.5)).isTrue();
        assertThat(worst.differenceInterval().method()).isEqualTo("newcombe");
        // {sex=0, race=c}: 3/30 against 75/150, a smaller gap
        assertThat(s.subgroups()).filteredOn(g -> g.group().equals("{sex=0, race=c}")).singleElement()
                .satisfies(g -> assertThat(g.difference()).isCloseTo(0.1 - 0.5, within(1e-15)));
        // the sexes are identical: sex=0 and sex=1 each select 39 of 90
        assertThat(s.subgroups()).filteredOn(g -> g.group().equals("{sex=0}")).singleElement()
                .satisfies(g -> {
                    assertThat(g.difference()).isZero();
                    assertThat(g.pValue()).isEqualTo(1.0);
                    assertThat(g.significant()).isFalse();
                });
        // most significant first
        assertThat(s.subgroups().get(0).adjustedPValue()).isLessThanOrEqualTo(s.subgroups().get(1).adjustedPValue());
        JsonNode json = Json.toTree(r).get("intersectionalSearch");
        assertThat(json.get("worst").get("group").asText()).isEqualTo("{race=c}");
        assertThat(json.get("options").get("depth").asInt()).isEqualTo(2);
    }

    @Test
    void minimumSupportDepthAndWeights() {
        Fairness f = Fairness.of(rows()).label("y").prediction("yhat").weights("w").privileged(Group.where("sex", 1))
                .protectedColumns("sex", "race");
        IntersectionalSearch shallow = IntersectionalSearch.of(f.statistics(), f.spec(), IntersectionalSearch.Options.depth(1));
        assertThat(shallow.considered()).isEqualTo(5);
        // pairs have 30 rows: below a support of 40
        IntersectionalSearch deep = IntersectionalSearch.of(f.statistics(), f.spec(),
                IntersectionalSearch.Options.depth(2).minSupport(40));
        assertThat(deep.considered()).isEqualTo(11);
        assertThat(deep.tested()).isEqualTo(5);
        // the tests count rows; the weights (1, 2, 3) are not used, and the note says so
        assertThat(deep.worst().orElseThrow().rate()).isEqualTo(0.1);
        assertThat(deep.note()).contains("does not use");
        // the rate compared can be chosen: the false positive rate has no negatives here (labels = predictions)
        IntersectionalSearch fpr = IntersectionalSearch.of(f.statistics(), f.spec(), IntersectionalSearch.Options.depth(1)
                .rate(FairnessMetric.ACCURACY));
        assertThat(fpr.subgroups()).allSatisfy(g -> assertThat(g.rate()).isEqualTo(1.0));
        assertThat(fpr.worst()).isEmpty();
        assertThat(IntersectionalSearch.subsets(List.of("a", "b", "c"), 2)).containsExactly(List.of("a"), List.of("b"),
                List.of("c"), List.of("a", "b"), List.of("a", "c"), List.of("b", "c"));
    }
}
