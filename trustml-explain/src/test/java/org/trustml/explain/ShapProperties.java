package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the SHAP explainers over random models, backgrounds and seeds. */
class ShapProperties {
    @Property(tries = 10)
    void kernelShapIsAdditiveAndRepeatsForASeed(@ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @IntRange(min = 2, max = 14) int d) {
        ShapBackground b = KernelShapTest.background(d, 3, seed);
        double[] x = KernelShapTest.row(d, seed + 1);
        KernelShap k = Shap.kernel().samples(150).seed(seed);
        ShapExplanation e = k.explain(KernelShapTest::interacting, b, x);
        assertThat(e.additivityError()).isLessThan(1e-9);
        for (int o = 0; o < 2; o++) {
            double sum = 0;
            for (double v : e.values(o)) {
                sum += v;
            }
            assertThat(sum).isCloseTo(e.outputValues().get(o) - e.expectedValues().get(o), within(1e-9));
        }
        assertThat(k.explain(KernelShapTest::interacting, b, x)).isEqualTo(e);
    }

    @Property(tries = 10)
    void treeShapIsAdditiveOnRandomForests(@ForAll @LongRange(min = 0, max = 1000) long seed) {
        TreeEnsemble trees = TreeShapTest.randomForest(6, 5, TreeEnsemble.Split.XGBOOST, seed);
        double[] x = KernelShapTest.row(6, seed);
        x[(int) (seed % 6)] = Double.NaN; // a missing value follows the default branches
        ShapExplanation p = Shap.treePathDependent(trees).explain(x);
        assertThat(p.additivityError()).isLessThan(1e-12);
        double[][] bg = {KernelShapTest.row(6, seed + 2), KernelShapTest.row(6, seed + 3)};
        ShapExplanation i = Shap.treeInterventional(trees, ShapBackground.of(trees.features(), bg)).explain(x);
        assertThat(i.additivityError()).isLessThan(1e-12);
    }
}
