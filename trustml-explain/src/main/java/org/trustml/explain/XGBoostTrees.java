package org.trustml.explain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;

/**
 * Reads XGBoost's JSON model format ({@code Booster.save_model("model.json")} in Python, {@code toByteArray("json")}
 * in XGBoost4J; the schema of XGBoost's {@code doc/model.schema}, versions 1.x) as a {@link TreeEnsemble} of its
 * raw margins: one output per class ({@code num_class > 1}, tree {@code t} adding to class {@code tree_info[t]}) or a
 * single {@code margin}. Per tree: {@code left_children}, {@code right_children}, {@code split_indices},
 * {@code split_conditions} (a leaf's value at a leaf), {@code default_left} and {@code sum_hessian} (the covers
 * path-dependent TreeSHAP weighs by, as XGBoost's {@code pred_contribs} does). The base score becomes a margin as
 * the objective's {@code ProbToMargin} makes it: the logit for {@code binary:logistic}, {@code binary:logitraw} and
 * {@code reg:logistic}, the log for {@code count:poisson}, {@code reg:gamma} and {@code reg:tweedie}, as it is for
 * the others. Categorical splits, vector leaves and the {@code gblinear} and {@code dart} boosters are refused.
 */
public final class XGBoostTrees {
    private XGBoostTrees() {}

    /** The model in {@code file}; problems name the file. */
    public static TreeEnsemble read(Path file) {
        JsonNode root = Json.read(file, JsonNode.class, "an XGBoost model saved as JSON (Booster.save_model(\"m.json\"))");
        return parse(root, file.toString());
    }

    /** The model in {@code json} (XGBoost4J's {@code toByteArray("json")}); problems name {@code source}. */
    public static TreeEnsemble parse(byte[] json, String source) {
        try {
            return parse(Json.reader().readTree(json), source);
        } catch (IOException e) {
            throw InvalidInputException.problem("is not valid JSON: " + e.getMessage()).column(source)
                    .expected("an XGBoost model in JSON").build(e);
        }
    }

    private static TreeEnsemble parse(JsonNode root, String source) {
        JsonNode learner = required(root, "learner", source);
        JsonNode params = required(learner, "learner_model_param", source);
        String objective = required(required(learner, "objective", source), "name", source).asText();
        JsonNode booster = required(learner, "gradient_booster", source);
        String boosterName = required(booster, "name", source).asText();
        if (!boosterName.equals("gbtree")) {
            throw InvalidInputException.problem("has booster '" + boosterName + "'").column(source + ": gradient_booster")
                    .value(boosterName).expected("gbtree (gblinear and dart are not trees TreeSHAP reads)").build();
        }
        JsonNode model = required(booster, "model", source);
        int numFeature = integer(required(params, "num_feature", source), "num_feature", source);
        int numClass = integer(required(params, "num_class", source), "num_class", source);
        if (params.has("num_target") && integer(params.get("num_target"), "num_target", source) > 1) {
            throw InvalidInputException.problem("has several targets").column(source + ": num_target")
                    .value(params.get("num_target").asText()).expected("one target (or classes)").build();
        }
        double baseScore = number(required(params, "base_score", source), "base_score", source);
        List<String> features = new ArrayList<>();
        JsonNode names = learner.path("feature_names");
        for (int j = 0; j < numFeature; j++) {
            features.add(names.size() == numFeature ? names.get(j).asText() : "f" + j);
        }
        int outputs = Math.max(1, numClass);
        List<String> outputNames = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            outputNames.add(outputs == 1 ? "margin" : "class " + k);
        }
        double margin = margin(objective, baseScore, source);
        double[] base = new double[outputs];
        java.util.Arrays.fill(base, margin);
        TreeEnsemble.Builder builder = TreeEnsemble.builder(features, outputNames, TreeEnsemble.Split.XGBOOST).base(base);
        JsonNode trees = required(model, "trees", source);
        JsonNode info = required(model, "tree_info", source);
        if (info.size() != trees.size()) {
            throw InvalidInputException.problem("has " + info.size() + " entries for " + trees.size() + " trees")
                    .column(source + ": tree_info").expected("one class per tree").build();
        }
        for (int t = 0; t < trees.size(); t++) {
            tree(builder, trees.get(t), info.get(t).asInt(), numFeature, source + ": tree " + t);
        }
        return builder.build();
    }

    private static void tree(TreeEnsemble.Builder builder, JsonNode tree, int output, int numFeature, String where) {
        int[] left = ints(required(tree, "left_children", where), where + " left_children");
        int n = left.length;
        int[] right = ints(required(tree, "right_children", where), where + " right_children");
        int[] feature = ints(required(tree, "split_indices", where), where + " split_indices");
        double[] conditions = doubles(required(tree, "split_conditions", where), where + " split_conditions");
        double[] hessian = doubles(required(tree, "sum_hessian", where), where + " sum_hessian");
        JsonNode defaults = required(tree, "default_left", where);
        JsonNode types = tree.path("split_type");
        if (tree.path("tree_param").path("size_leaf_vector").asInt(0) > 1) {
            throw InvalidInputException.problem("has vector leaves").column(where)
                    .expected("scalar leaves (one target per tree)").build();
        }
        if (right.length != n || feature.length != n || conditions.length != n || hessian.length != n
                || defaults.size() != n) {
            throw InvalidInputException.problem("has arrays of different lengths").column(where).value(n)
                    .expected("one entry per node in left_children, right_children, split_indices, split_conditions,"
                            + " default_left and sum_hessian").build();
        }
        boolean[] defaultLeft = new boolean[n];
        double[] threshold = new double[n];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            JsonNode d = defaults.get(i);
            defaultLeft[i] = d != null && (d.isBoolean() ? d.asBoolean() : d.asInt() != 0);
            if (types.size() > i && types.get(i).asInt() != 0) {
                throw InvalidInputException.problem("has a categorical split").column(where + " node " + i)
                        .value(types.get(i).asInt()).expected("numerical splits (split_type 0)").build();
            }
            // XGBoost keeps thresholds and leaf values as 32-bit floats
            if (left[i] < 0) {
                values[i] = new double[] {(float) conditions[i]};
            } else {
                threshold[i] = (float) conditions[i];
                if (feature[i] >= numFeature) {
                    throw InvalidInputException.problem("splits on feature " + feature[i]).column(where + " node " + i)
                            .value(feature[i]).expected("a feature below num_feature " + numFeature).build();
                }
            }
            hessian[i] = (float) hessian[i];
        }
        builder.tree(left, right, feature, threshold, defaultLeft, hessian, values, output);
    }

    /** The base score as a margin: XGBoost's {@code ProbToMargin} of the objective. */
    private static double margin(String objective, double baseScore, String source) {
        String o = objective.toLowerCase(Locale.ROOT);
        return switch (o) {
            case "binary:logistic", "binary:logitraw", "reg:logistic" -> {
                if (!(baseScore > 0 && baseScore < 1)) {
                    throw InvalidInputException.problem("is not a probability").column(source + ": base_score")
                            .value(baseScore).expected("a number in (0, 1) for " + objective).build();
                }
                yield (float) -Math.log(1 / baseScore - 1);
            }
            case "count:poisson", "reg:gamma", "reg:tweedie" -> (float) Math.log(baseScore);
            case "reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror", "reg:absoluteerror",
                    "multi:softprob", "multi:softmax", "binary:hinge", "rank:pairwise", "rank:ndcg", "rank:map" ->
                    (float) baseScore;
            default -> throw InvalidInputException.problem("has objective '" + objective + "'")
                    .column(source + ": objective").value(objective)
                    .expected("a regression, binary, multi-class or ranking objective XGBoost 1.x documents").build();
        };
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw InvalidInputException.problem("has no '" + field + "'").column(where)
                    .expected("XGBoost's JSON model format (save_model with a .json name)").build();
        }
        return v;
    }

    private static int integer(JsonNode v, String what, String where) {
        double d = number(v, what, where);
        if (d != Math.rint(d) || d < 0) {
            throw InvalidInputException.problem("is not a count").column(where + ": " + what).value(v.asText())
                    .expected("a whole number >= 0").build();
        }
        return (int) d;
    }

    /** XGBoost writes parameters as strings ({@code "5E-1"}). */
    private static double number(JsonNode v, String what, String where) {
        try {
            return v.isNumber() ? v.asDouble() : Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw InvalidInputException.problem("is not a number").column(where + ": " + what).value(v.asText())
                    .expected("a number").build(e);
        }
    }

    private static int[] ints(JsonNode array, String where) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array, String where) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                throw InvalidInputException.problem("is not a number").column(where + " [" + i + "]").value(v.asText())
                        .expected("a number").build();
            }
            out[i] = v.asDouble();
        }
        return out;
    }
}
