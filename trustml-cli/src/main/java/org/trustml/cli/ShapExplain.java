package org.trustml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.trustml.core.InvalidInputException;
import org.trustml.explain.RowModel;
import org.trustml.explain.Shap;
import org.trustml.explain.ShapBackground;
import org.trustml.explain.ShapExplanation;
import org.trustml.explain.ShapLink;
import org.trustml.explain.TabularData;
import org.trustml.explain.TreeEnsemble;
import org.trustml.explain.XGBoostTrees;

/**
 * The SHAP methods of {@code trustml explain} for a table row: {@code kernel-shap}, {@code exact-shap} (any model
 * the command loads, or an XGBoost JSON model) and {@code tree-shap} (an XGBoost JSON model).
 */
final class ShapExplain {
    /** The methods {@code --method} takes, LIME's first. */
    static final List<String> METHODS = List.of("lime", "kernel-shap", "exact-shap", "tree-shap");

    /** What the command was asked. */
    record Request(String method, Path model, Path table, int row, TabularData data, Integer samples, double tolerance,
            long seed, String link, String background, Integer backgroundSize, String perturbation) {}

    private ShapExplain() {}

    /** True when {@code model} is a JSON file: an XGBoost model ({@code save_model("m.json")}). */
    static boolean isXGBoostJson(Path model) {
        return Files.isRegularFile(model) && model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * Explains the row. {@code loaded} opens the command's model (TorchScript, DJL, SavedModel) as a row model and
     * runs the explanation with it (closing the model after), for kernel-shap and exact-shap on other than XGBoost.
     */
    static Map<String, Object> explain(Request r,
            Function<Function<RowModel<double[]>, ShapExplanation>, ShapExplanation> loaded) {
        TabularData data = r.data();
        double[] x = data.rows()[r.row()];
        TreeEnsemble trees = isXGBoostJson(r.model()) ? XGBoostTrees.read(r.model()) : null;
        if (trees != null && trees.features().size() != data.featureCount()) {
            throw InvalidInputException.problem("has " + trees.features().size() + " features").file(r.model())
                    .value(trees.features().size()).expected(data.featureCount() + ", the table's columns "
                            + data.featureNames()).build();
        }
        ShapExplanation e;
        if (r.method().equals("tree-shap")) {
            if (trees == null) {
                throw InvalidInputException.problem("is not an XGBoost JSON model").file(r.model()).column("--model")
                        .expected("a model saved with Booster.save_model(\"m.json\") for tree-shap").build();
            }
            TreeEnsemble named = trees;
            e = switch (r.perturbation().toLowerCase(Locale.ROOT)) {
                case "path-dependent" -> Shap.treePathDependent(named).explain(x);
                case "interventional" -> Shap.treeInterventional(named, ShapBackground.sample(named.features(),
                        data.rows(), r.backgroundSize() == null ? 100 : r.backgroundSize(), r.seed())).explain(x);
                default -> throw InvalidInputException.problem("is not a perturbation").column("--perturbation")
                        .value(r.perturbation()).expected("path-dependent or interventional").build();
            };
        } else {
            ShapLink link = switch (r.link().toLowerCase(Locale.ROOT)) {
                case "identity" -> ShapLink.IDENTITY;
                case "logit" -> ShapLink.LOGIT;
                default -> throw InvalidInputException.problem("is not a link").column("--link").value(r.link())
                        .expected("identity or logit").build();
            };
            int k = r.backgroundSize() == null ? 10 : r.backgroundSize();
            ShapBackground bg = switch (r.background().toLowerCase(Locale.ROOT)) {
                case "kmeans" -> ShapBackground.kmeans(data.featureNames(), data.rows(), Math.min(k, data.rows().length),
                        r.seed());
                case "sample" -> ShapBackground.sample(data.featureNames(), data.rows(), k, r.seed());
                default -> throw InvalidInputException.problem("is not a background summary").column("--background")
                        .value(r.background()).expected("kmeans or sample").build();
            };
            Function<RowModel<double[]>, ShapExplanation> run = r.method().equals("exact-shap")
                    ? m -> Shap.exact().link(link).explain(m, bg, x)
                    : m -> Shap.kernel().samples(r.samples() == null ? 0 : r.samples()).tolerance(r.tolerance())
                            .seed(r.seed()).link(link).explain(m, bg, x);
            if (trees != null) {
                TreeEnsemble margins = trees;
                e = run.apply(rows -> rows.stream().map(margins::predict).toArray(double[][]::new));
            } else {
                e = loaded.apply(run);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", ShapExplanation.SCHEMA_VERSION);
        doc.put("method", r.method());
        doc.put("model", r.model().toString());
        doc.put("table", r.table().toString());
        doc.put("row", r.row());
        doc.put("seed", r.seed());
        if (trees != null) {
            doc.put("outputs", trees.outputs());
        }
        doc.put("explanation", e);
        return doc;
    }

    /** The explanation as text: how exact it is, then each output's largest values. */
    static String text(Map<String, Object> doc, int shown) {
        ShapExplanation e = (ShapExplanation) doc.get("explanation");
        StringBuilder sb = new StringBuilder();
        sb.append(doc.get("table")).append(" row ").append(doc.get("row")).append(": ").append(doc.get("method"))
                .append(" (").append(e.method().id()).append(", link ").append(e.link().id()).append(")");
        if (e.coalitions() > 0) {
            sb.append(", ").append(e.coalitions()).append(" coalitions");
        }
        sb.append(e.converged() ? ", converged" : ", NOT converged").append(String.format(Locale.ROOT,
                ", largest standard error %.3g, additivity error %.3g%n", e.maxStandardError(), e.additivityError()));
        for (int o = 0; o < e.outputs(); o++) {
            sb.append(String.format(Locale.ROOT, "output %d: E[f] %.6f, f(x) %.6f%n", o, e.expectedValues().get(o),
                    e.outputValues().get(o)));
            TextTable t = new TextTable("feature", "SHAP value", "std. error");
            double[] v = e.values(o);
            double[] se = e.standardErrors(o);
            List<Integer> top = new ArrayList<>(e.top(o, shown));
            for (int j : top) {
                t.row(e.features().get(j), String.format(Locale.ROOT, "%+.6f", v[j]),
                        String.format(Locale.ROOT, "%.6f", se[j]));
            }
            sb.append(t);
        }
        return sb.toString();
    }
}
