package org.trustml.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StatisticsAccumulator#addCell}: rows summed elsewhere (as trustml-spark's aggregation sums them) and
 * added once per cell, in the order of their first rows, give the statistics of adding the rows one by one.
 * Weights are small integers and scores multiples of 1/8, so every sum is exact and the reports must be equal
 * to the last bit.
 */
class AccumulatorCellsTest {

    @Test
    void cellsAddedAtOnceGiveTheRowByRowReport() {
        FairnessSpec spec = Fairness.of(org.trustml.core.table.Table.of()).label("y").prediction("p").score("s")
                .weights("w").privileged(Group.where("g", "a")).spec();
        Random r = new Random(3);
        StatisticsAccumulator rows = new StatisticsAccumulator(spec);
        record Cell(String g, String y, String p) {}
        Map<Cell, double[]> sums = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            String g = List.of("a", "b", "c").get(r.nextInt(3));
            String y = Integer.toString(r.nextInt(2));
            String p = Integer.toString(r.nextInt(2));
            double s = r.nextInt(9) / 8.0;
            double w = 1 + r.nextInt(3);
            rows.addRow(i + 1, new String[] {g}, y, p, s, w);
            double[] sum = sums.computeIfAbsent(new Cell(g, y, p), c -> new double[3]);
            sum[0] += w;
            sum[1]++;
            sum[2] += w * s;
        }
        StatisticsAccumulator cells = new StatisticsAccumulator(spec);
        sums.forEach((c, sum) -> cells.addCell(new int[] {cells.keyCode(0, c.g())}, cells.classCode(c.y(), 0, "y"),
                cells.classCode(c.p(), 0, "p"), sum[0], (long) sum[1], sum[2]));
        assertThat(Fairness.report(cells.build(), spec, OptionalDouble.empty(), java.util.Optional.empty(), java.util.Optional.empty()).toJson())
                .isEqualTo(Fairness.report(rows.build(), spec).toJson());
    }
}
