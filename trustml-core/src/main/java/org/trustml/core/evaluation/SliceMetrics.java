package org.trustml.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The arithmetic behind {@link SliceResult}, for one slice's rows. */
final class SliceMetrics {
    private SliceMetrics() {}

    static SliceResult compute(Classification c, Slice slice, int[] rows) {
        int k = c.classes().size();
        int[] t = new int[rows.length];
        int[] p = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = c.truth()[rows[i]];
            p[i] = c.predicted()[rows[i]];
        }
        ConfusionMatrix cm = ConfusionMatrix.of(t, p, c.classes());
        Map<String, String> undefined = new TreeMap<>();
        List<SliceResult.ClassStats> perClass = new ArrayList<>();
        long tpSum = 0;
        long n = rows.length;
        for (int j = 0; j < k; j++) {
            String label = c.classes().get(j);
            long tp = cm.truePositives(j);
            long fp = cm.falsePositives(j);
            long fn = cm.falseNegatives(j);
            tpSum += tp;
            double precision = ratio(tp, tp + fp, "precision:" + label, "no row is predicted as " + label, undefined);
            double recall = ratio(tp, tp + fn, "recall:" + label, "no row of class " + label, undefined);
            double f1 = ratio(2 * tp, 2 * tp + fp + fn, "f1:" + label,
                    "class " + label + " is neither true nor predicted on any row", undefined);
            perClass.add(new SliceResult.ClassStats(label, precision, recall, f1, cm.support(j)));
        }
        double accuracy = ratio(tpSum, n, "accuracy", "the slice has no rows", undefined);
        double balanced = nanMean(perClass.stream().filter(s -> s.support() > 0).mapToDouble(SliceResult.ClassStats::recall)
                .toArray());
        if (Double.isNaN(balanced)) {
            undefined.put("balanced_accuracy", "the slice has no rows");
        }
        SliceResult.Averages macro = average(perClass, false, "_macro", undefined);
        SliceResult.Averages weighted = average(perClass, true, "_weighted", undefined);
        SliceResult.Averages micro = new SliceResult.Averages(accuracy, accuracy, accuracy); // single-label data
        if (Double.isNaN(accuracy)) {
            for (String m : List.of("precision_micro", "recall_micro", "f1_micro")) {
                undefined.put(m, "the slice has no rows");
            }
        }
        Optional<SliceResult.Averages> binary = Optional.empty();
        if (c.positive() >= 0) {
            SliceResult.ClassStats pos = perClass.get(c.positive());
            binary = Optional.of(new SliceResult.Averages(pos.precision(), pos.recall(), pos.f1()));
            copyReason(undefined, "precision:" + pos.label(), "precision");
            copyReason(undefined, "recall:" + pos.label(), "recall");
            copyReason(undefined, "f1:" + pos.label(), "f1");
        }
        Optional<SliceResult.ScoreMetrics> scores = c.probabilities().map(probs -> scoreMetrics(c, rows, t, p, probs, undefined));
        return new SliceResult(slice, n, cm, perClass, accuracy, balanced, macro, micro, weighted, binary, scores, undefined);
    }

    private static SliceResult.ScoreMetrics scoreMetrics(Classification c, int[] rows, int[] t, int[] p, double[][] probs,
            Map<String, String> undefined) {
        int k = c.classes().size();
        double logLoss = 0;
        for (int i = 0; i < rows.length; i++) {
            double q = Math.min(Math.max(probs[t[i]][rows[i]], Classification.LOG_LOSS_EPS), 1 - Classification.LOG_LOSS_EPS);
            logLoss -= Math.log(q);
        }
        logLoss = rows.length == 0 ? Double.NaN : logLoss / rows.length;
        if (rows.length == 0) {
            undefined.put("log_loss", "the slice has no rows");
        }
        if (c.positive() >= 0) {
            int pos = c.positive();
            boolean[] isPos = new boolean[rows.length];
            double[] score = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                isPos[i] = t[i] == pos;
                score[i] = probs[pos][rows[i]];
            }
            ScoreCurves curves = ScoreCurves.of(isPos, score);
            curves.undefinedReason().ifPresent(r -> {
                undefined.put("roc_auc", r);
                if (Double.isNaN(curves.averagePrecision())) {
                    undefined.put("average_precision", r);
                }
            });
            Calibration cal = Calibration.of(isPos, score, c.bins());
            calibrationReasons(cal, undefined);
            return new SliceResult.ScoreMetrics(curves.rocAuc(), curves.averagePrecision(), logLoss, cal, Optional.of(curves));
        }
        // one-vs-rest macro ROC-AUC (roc_auc_score(multi_class="ovr", average="macro"))
        double sum = 0;
        String missing = null;
        for (int j = 0; j < k && missing == null; j++) {
            boolean[] isJ = new boolean[rows.length];
            double[] score = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                isJ[i] = t[i] == j;
                score[i] = probs[j][rows[i]];
            }
            ScoreCurves curves = ScoreCurves.of(isJ, score);
            if (curves.undefinedReason().isPresent()) {
                missing = "class " + c.classes().get(j) + " vs rest: " + curves.undefinedReason().get();
            }
            sum += curves.rocAuc();
        }
        if (missing != null) {
            undefined.put("roc_auc", missing);
        }
        boolean[] right = new boolean[rows.length];
        double[] confidence = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            right[i] = t[i] == p[i];
            double max = 0;
            for (double[] byClass : probs) {
                max = Math.max(max, byClass[rows[i]]);
            }
            confidence[i] = max;
        }
        Calibration cal = Calibration.of(right, confidence, c.bins());
        calibrationReasons(cal, undefined);
        return new SliceResult.ScoreMetrics(missing == null ? sum / k : Double.NaN, Double.NaN, logLoss, cal, Optional.empty());
    }

    private static void calibrationReasons(Calibration cal, Map<String, String> undefined) {
        if (Double.isNaN(cal.brierScore())) {
            undefined.put("brier_score", "the slice has no rows");
            undefined.put("expected_calibration_error", "the slice has no rows");
        }
    }

    private static SliceResult.Averages average(List<SliceResult.ClassStats> stats, boolean bySupport, String suffix,
            Map<String, String> undefined) {
        double[] w = stats.stream().mapToDouble(s -> bySupport ? s.support() : 1).toArray();
        double p = weightedNanMean(stats.stream().mapToDouble(SliceResult.ClassStats::precision).toArray(), w);
        double r = weightedNanMean(stats.stream().mapToDouble(SliceResult.ClassStats::recall).toArray(), w);
        double f = weightedNanMean(stats.stream().mapToDouble(SliceResult.ClassStats::f1).toArray(), w);
        for (String m : List.of("precision", "recall", "f1")) {
            double v = m.equals("precision") ? p : m.equals("recall") ? r : f;
            if (Double.isNaN(v)) {
                undefined.put(m + suffix, "no class has a defined " + m + " on this slice");
            }
        }
        return new SliceResult.Averages(p, r, f);
    }

    /** The mean over values that are not NaN (NaN when none is), as numpy's nanmean. */
    private static double nanMean(double[] v) {
        double[] ones = new double[v.length];
        java.util.Arrays.fill(ones, 1);
        return weightedNanMean(v, ones);
    }

    private static double weightedNanMean(double[] v, double[] w) {
        double s = 0;
        double ws = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                s += w[i] * v[i];
                ws += w[i];
            }
        }
        return ws == 0 ? Double.NaN : s / ws;
    }

    private static double ratio(long num, long den, String name, String reason, Map<String, String> undefined) {
        if (den == 0) {
            undefined.put(name, reason);
            return Double.NaN;
        }
        return (double) num / den;
    }

    private static void copyReason(Map<String, String> undefined, String from, String to) {
        if (undefined.containsKey(from)) {
            undefined.put(to, undefined.get(from));
        }
    }
}
