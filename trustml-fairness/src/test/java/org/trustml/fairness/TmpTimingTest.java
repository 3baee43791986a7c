package org.trustml.fairness;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.core.table.*;

class TmpTimingTest {
    @Test
    void time() throws Exception {
        int rows = 1_000_000;
        SplittableRandom r = new SplittableRandom(42);
        String[] races = {"white", "black", "asian", "other"};
        String[] ages = {"<25", "25-59", ">=60"};
        long[] sex = new long[rows]; String[] race = new String[rows]; String[] age = new String[rows];
        long[] y = new long[rows]; long[] p = new long[rows]; double[] s = new double[rows]; double[] w = new double[rows];
        for (int i = 0; i < rows; i++) {
            sex[i] = r.nextInt(2); race[i] = races[r.nextInt(4)]; age[i] = ages[r.nextInt(3)];
            y[i] = r.nextDouble() < 0.3 + 0.2 * sex[i] ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.5 * y[i] + 0.5 * r.nextDouble()));
            p[i] = s[i] > 0.5 ? 1 : 0; w[i] = 0.5 + r.nextDouble();
        }
        Table table = Table.of(LongColumn.of("sex", sex), StringColumn.of("race", race), StringColumn.of("age_group", age),
                LongColumn.of("y", y), LongColumn.of("yhat", p), DoubleColumn.of("p", s), DoubleColumn.of("w", w));
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            FairnessReport a = Fairness.of(table).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race", "age_group").report();
            long t1 = System.nanoTime();
            FairnessReport b = Fairness.of(table).label("y").prediction("yhat").score("p").weights("w")
                .privileged(Group.where("sex", 1)).protectedColumns("sex", "race", "age_group")
                .intervals(IntervalOptions.bca(0.95, 1000, 1)).report();
            long t2 = System.nanoTime();
            System.out.printf("plain %.0f ms, bca1000 %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        }
    }
}
