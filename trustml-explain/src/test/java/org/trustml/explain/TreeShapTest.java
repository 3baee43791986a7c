package org.trustml.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.internal.DecisionTree;

class TreeShapTest {
    /**
     * One tree: the root splits x0 at 0.5 (cover 10); its left child (cover 6) splits x1 at 0.5 into leaves 1
     * (cover 2) and 3 (cover 4); its right child is the leaf 10 (cover 4).
     */
    static TreeEnsemble handTree() {
        return TreeEnsemble.builder(List.of("x0", "x1"), List.of("y"), TreeEnsemble.Split.LESS_OR_EQUAL)
                .tree(new int[] {1, 3, -1, -1, -1}, new int[] {2, 4, -1, -1, -1}, new int[] {0, 1, 0, 0, 0},
                        new double[] {0.5, 0.5, 0, 0, 0}, null, new double[] {10, 6, 4, 2, 4},
                        new double[][] {{}, {}, {10}, {1}, {3}}, 0)
                .build();
    }

    @Test
    void pathDependentOnAHandComputedTree() {
        // x = (0, 1) ends in leaf 3. With covers: v(∅) = 0.6·(⅓·1 + ⅔·3) + 0.4·10 = 27/5; v{x0} = ⅓·1 + ⅔·3 = 7/3;
        // v{x1} = 0.6·3 + 0.4·10 = 29/5; v{x0,x1} = 3. φ0 = ½(7/3 − 27/5) + ½(3 − 29/5) = −44/15,
        // φ1 = ½(29/5 − 27/5) + ½(3 − 7/3) = 8/15; E[f] = 27/5, and φ0 + φ1 = 3 − 27/5.
        ShapExplanation e = Shap.treePathDependent(handTree()).explain(new double[] {0, 1});
        assertThat(e.values(0)).containsExactly(new double[] {-44.0 / 15, 8.0 / 15}, within(1e-12));
        assertThat(e.expectedValues().get(0)).isCloseTo(27.0 / 5, within(1e-12));
        assertThat(e.outputValues()).containsExactly(3.0);
        assertThat(e.method()).isEqualTo(ShapMethod.TREE_PATH_DEPENDENT);
        assertThat(e.additivityError()).isLessThan(1e-12);
    }

    @Test
    void interventionalOnAHandComputedTree() {
        // against the one background row r = (1, 0): v(S) = f(x_S, r_~S); v(∅) = f(1, 0) = 10, v{x0} = f(0, 0) = 1,
        // v{x1} = f(1, 1) = 10, v(N) = f(0, 1) = 3: φ0 = ½(1 − 10) + ½(3 − 10) = −8, φ1 = ½(10 − 10) + ½(3 − 1) = 1
        ShapBackground r = ShapBackground.of(List.of("x0", "x1"), new double[][] {{1, 0}});
        ShapExplanation e = Shap.treeInterventional(handTree(), r).explain(new double[] {0, 1});
        assertThat(e.values(0)).containsExactly(new double[] {-8, 1}, within(1e-12));
        assertThat(e.expectedValues()).containsExactly(10.0);
        assertThat(e.method()).isEqualTo(ShapMethod.TREE_INTERVENTIONAL);
    }

    /** A random tree of depth at most 4 over {@code d} features (features repeat along paths), covers consistent. */
    static void randomTree(TreeEnsemble.Builder b, int d, SplittableRandom r) {
        List<int[]> children = new ArrayList<>();
        List<Integer> depth = new ArrayList<>(List.of(0));
        children.add(null);
        for (int i = 0; i < children.size(); i++) {
            if (depth.get(i) < 4 && (i == 0 || r.nextDouble() < 0.7)) {
                children.set(i, new int[] {children.size(), children.size() + 1});
                children.add(null);
                children.add(null);
                depth.add(depth.get(i) + 1);
                depth.add(depth.get(i) + 1);
            }
        }
        int n = children.size();
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] threshold = new double[n];
        boolean[] defaultLeft = new boolean[n];
        double[] cover = new double[n];
        double[][] values = new double[n][];
        for (int i = n - 1; i >= 0; i--) {
            if (children.get(i) == null) {
                left[i] = right[i] = -1;
                cover[i] = 1 + r.nextInt(20);
                values[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
            } else {
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
                feature[i] = r.nextInt(d);
                threshold[i] = Math.round(r.nextGaussian() * 4) / 4.0;
                defaultLeft[i] = r.nextBoolean();
                cover[i] = cover[left[i]] + cover[right[i]];
                values[i] = new double[0];
            }
        }
        b.tree(left, right, feature, threshold, defaultLeft, cover, values, 0, 1);
    }

    static TreeEnsemble randomForest(int d, int trees, TreeEnsemble.Split split, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        TreeEnsemble.Builder b = TreeEnsemble.builder(ShapFixtures.names(d), List.of("a", "b"), split).base(0.25, -1);
        for (int t = 0; t < trees; t++) {
            randomTree(b, d, r);
        }
        return b.build();
    }

    /** The path-dependent value function by its definition: features outside S split by the covers. */
    static CoalitionGame pathDependentGame(TreeEnsemble trees, double[] x) {
        return new CoalitionGame() {
            @Override
            public List<String> players() {
                return trees.features();
            }

            @Override
            public int outputs() {
                return trees.outputs().size();
            }

            @Override
            public long modelRows() {
                return 0;
            }

            @Override
            public double[][] values(List<boolean[]> coalitions) {
                double[][] out = new double[coalitions.size()][];
                for (int c = 0; c < out.length; c++) {
                    out[c] = trees.base();
                    for (DecisionTree t : trees.trees()) {
                        conditional(t, 0, 1.0, coalitions.get(c), x, out[c]);
                    }
                }
                return out;
            }
        };
    }

    static void conditional(DecisionTree t, int n, double share, boolean[] s, double[] x, double[] out) {
        if (t.isLeaf(n)) {
            for (int k = 0; k < t.outputs.length; k++) {
                out[t.outputs[k]] += share * t.values[n][k];
            }
        } else if (s[t.feature[n]]) {
            conditional(t, t.child(n, x[t.feature[n]]), share, s, x, out);
        } else {
            conditional(t, t.left[n], share * t.cover[t.left[n]] / t.cover[n], s, x, out);
            conditional(t, t.right[n], share * t.cover[t.right[n]] / t.cover[n], s, x, out);
        }
    }

    @Test
    void equalsTheBruteForceShapleyValuesOnRandomTrees() {
        SplittableRandom r = new SplittableRandom(3);
        for (TreeEnsemble.Split split : TreeEnsemble.Split.values()) {
            TreeEnsemble trees = randomForest(5, 4, split, 7 + split.ordinal());
            double[][] bg = new double[6][5];
            for (double[] row : bg) {
                for (int j = 0; j < 5; j++) {
                    row[j] = Math.round(r.nextGaussian() * 4) / 4.0;
                }
            }
            ShapBackground background = new ShapBackground(trees.features(), bg, new double[] {1, 2, 3, 1, 2, 3});
            RowModel<double[]> model = rows -> rows.stream().map(trees::predict).toArray(double[][]::new);
            for (int i = 0; i < 5; i++) {
                double[] x = new double[5];
                for (int j = 0; j < 5; j++) {
                    x[j] = Math.round(r.nextGaussian() * 4) / 4.0; // on the thresholds' grid: ties exercise ≤ and <
                }
                ShapExplanation path = Shap.treePathDependent(trees).explain(x);
                ShapExplanation pathTruth = Shap.exact().explain(pathDependentGame(trees, x));
                ShapExplanation inter = Shap.treeInterventional(trees, background).explain(x);
                ShapExplanation interTruth = Shap.exact().explain(model, background, x);
                for (int o = 0; o < 2; o++) {
                    assertThat(path.values(o)).containsExactly(pathTruth.values(o), within(1e-12));
                    assertThat(inter.values(o)).containsExactly(interTruth.values(o), within(1e-12));
                }
                assertThat(path.expectedValues().get(1)).isCloseTo(pathTruth.expectedValues().get(1), within(1e-12));
                assertThat(inter.expectedValues().get(0)).isCloseTo(interTruth.expectedValues().get(0), within(1e-12));
                if (split == TreeEnsemble.Split.XGBOOST) { // a missing value follows the default child
                    x[2] = Double.NaN;
                    ShapExplanation missing = Shap.treePathDependent(trees).explain(x);
                    assertThat(missing.values(0)).containsExactly(
                            Shap.exact().explain(pathDependentGame(trees, x)).values(0), within(1e-12));
                }
            }
        }
    }

    @Test
    void equalsXGBoostsPredContribsAndShapsTreeExplainer() {
        // XGBoost 1.7.4 computes in 32-bit floats: margins and contributions agree to float precision
        TreeEnsemble trees = XGBoostTrees.read(ShapFixtures.path("xgb_binary.json"));
        assertThat(trees.size()).isEqualTo(20);
        JsonNode f = ShapFixtures.read("xgb_binary_expected.json");
        double[][] rows = ShapFixtures.matrix(f.get("rows"));
        double[][] contribs = ShapFixtures.matrix(f.get("pred_contribs"));
        double[][] shapPath = ShapFixtures.matrix(f.get("shap_path_dependent"));
        double[][] shapInter = ShapFixtures.matrix(f.get("shap_interventional"));
        ShapBackground bg = ShapBackground.of(trees.features(), ShapFixtures.matrix(f.get("background")));
        TreeShap path = Shap.treePathDependent(trees);
        TreeShap inter = Shap.treeInterventional(trees, bg);
        assertThat(path.expectedValues()[0]).isCloseTo(f.get("shap_path_dependent_expected").asDouble(), within(1e-6));
        assertThat(inter.expectedValues()[0]).isCloseTo(f.get("shap_interventional_expected").asDouble(), within(1e-5));
        for (int i = 0; i < rows.length; i++) {
            assertThat(trees.predict(rows[i])[0]).isCloseTo(f.get("margins").get(i).asDouble(), within(1e-5));
            ShapExplanation p = path.explain(rows[i]);
            assertThat(p.values(0)).containsExactly(Arrays.copyOf(contribs[i], 4), within(1e-5));
            assertThat(p.expectedValues().get(0)).isCloseTo(contribs[i][4], within(1e-5)); // XGBoost's bias column
            assertThat(p.values(0)).containsExactly(shapPath[i], within(1e-5));
            if (!Double.isNaN(rows[i][0]) && !Double.isNaN(rows[i][1])) {
                assertThat(inter.explain(rows[i]).values(0)).containsExactly(shapInter[i], within(1e-5));
            }
        }
    }

    @Test
    void equalsXGBoostsPredContribsForEveryClass() {
        TreeEnsemble trees = XGBoostTrees.read(ShapFixtures.path("xgb_multi.json"));
        assertThat(trees.outputs()).containsExactly("class 0", "class 1", "class 2");
        JsonNode f = ShapFixtures.read("xgb_multi_expected.json");
        double[][] rows = ShapFixtures.matrix(f.get("rows"));
        for (int i = 0; i < rows.length; i++) {
            ShapExplanation e = Shap.treePathDependent(trees).explain(rows[i]);
            for (int k = 0; k < 3; k++) {
                double[] want = ShapFixtures.vector(f.get("pred_contribs").get(i).get(k)); // 5 features + bias
                assertThat(e.values(k)).containsExactly(Arrays.copyOf(want, 5), within(1e-5));
                assertThat(e.expectedValues().get(k)).isCloseTo(want[5], within(1e-5));
                assertThat(e.outputValues().get(k)).isCloseTo(f.get("margins").get(i).get(k).asDouble(), within(1e-5));
            }
        }
    }

    @Test
    void equalsShapsTreeExplainerOnAScikitLearnTree() {
        JsonNode f = ShapFixtures.read("cart.json");
        double[][] values = ShapFixtures.matrix(f.get("value"));
        int n = values.length;
        int[] left = ShapFixtures.ints(f.get("children_left"));
        TreeEnsemble trees = TreeEnsemble.builder(ShapFixtures.names(4), List.of("0", "1", "2"),
                        TreeEnsemble.Split.LESS_OR_EQUAL)
                .tree(left, ShapFixtures.ints(f.get("children_right")),
                        Arrays.stream(ShapFixtures.ints(f.get("feature"))).map(j -> Math.max(j, 0)).toArray(),
                        ShapFixtures.vector(f.get("threshold")), null,
                        ShapFixtures.vector(f.get("weighted_n_node_samples")), values, 0, 1, 2)
                .build();
        double[][] rows = ShapFixtures.matrix(f.get("rows"));
        ShapBackground bg = ShapBackground.of(trees.features(), ShapFixtures.matrix(f.get("background")));
        for (int i = 0; i < rows.length; i++) {
            assertThat(trees.predict(rows[i])).containsExactly(ShapFixtures.vector(f.get("predict_proba").get(i)),
                    within(1e-12));
            ShapExplanation p = Shap.treePathDependent(trees).explain(rows[i]);
            ShapExplanation q = Shap.treeInterventional(trees, bg).explain(rows[i]);
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 4; j++) { // shap: [row][feature][class]
                    assertThat(p.values(k)[j]).isCloseTo(f.get("shap_path_dependent").get(i).get(j).get(k).asDouble(),
                            within(1e-12));
                    // shap's interventional code rounds to 32-bit floats somewhere: it differs by up to 5e-9 here,
                    // where ours equals the brute-force definition to 1e-12 (see the random-tree test)
                    assertThat(q.values(k)[j]).isCloseTo(f.get("shap_interventional").get(i).get(j).get(k).asDouble(),
                            within(1e-7));
                }
                assertThat(p.expectedValues().get(k)).isCloseTo(
                        f.get("shap_path_dependent_expected").get(k).asDouble(), within(1e-12));
                assertThat(q.expectedValues().get(k)).isCloseTo(
                        f.get("shap_interventional_expected").get(k).asDouble(), within(1e-7));
            }
        }
        assertThat(n).isGreaterThan(10);
    }

    @Test
    void badTreesAndRowsAreNamed() throws Exception {
        assertThatThrownBy(() -> Shap.treePathDependent(handTree()).explain(new double[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 values");
        TreeEnsemble noCovers = TreeEnsemble.builder(List.of("x"), List.of("y"), TreeEnsemble.Split.LESS_OR_EQUAL)
                .tree(new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[3], new double[3], null, null,
                        new double[][] {{}, {0}, {1}}, 0)
                .build();
        assertThatThrownBy(() -> Shap.treePathDependent(noCovers)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tree 0 node 0").hasMessageContaining("withCovers");
        assertThat(Shap.treePathDependent(noCovers.withCovers(new double[][] {{-1}, {1}, {2}})).explain(new double[] {5})
                .values(0)).containsExactly(new double[] {1 - 2.0 / 3}, within(1e-12));
        assertThatThrownBy(() -> TreeEnsemble.builder(List.of("x"), List.of("y"), TreeEnsemble.Split.XGBOOST)
                .tree(new int[] {1, -1, -1}, new int[] {1, -1, -1}, new int[3], new double[3], null, null,
                        new double[][] {{}, {0}, {1}}, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tree 0 node 0")
                .hasMessageContaining("invalid child");
        String json = Files.readString(ShapFixtures.path("xgb_binary.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"split_type\":\\[0", "\"split_type\":[1");
        assertThatThrownBy(() -> XGBoostTrees.parse(json.getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("m.json: tree 0 node 0")
                .hasMessageContaining("categorical");
        assertThatThrownBy(() -> XGBoostTrees.parse("{\"learner\":{}}".getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("learner_model_param");
        assertThatThrownBy(() -> XGBoostTrees.read(ShapFixtures.path("kmeans.json").resolveSibling("absent.json")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("absent.json");
    }
}
