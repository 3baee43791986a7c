package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.explain.internal.KernelCoalitions;
import org.trustml.explain.internal.KernelRegression;

/**
 * KernelSHAP (Lundberg and Lee, "A Unified Approach to Interpreting Model Predictions", NeurIPS 2017) with the
 * semantics of shap 0.4x's {@code KernelExplainer}: the Shapley kernel over coalition sizes, whole sizes
 * enumerated first and the rest sampled in complement pairs ({@code KernelCoalitions}), the constraint
 * {@code Σφ = link(f(x)) − link(E[f])} eliminated through the last varying feature and the weighted least squares
 * solved exactly ({@code KernelRegression}), features that cannot vary given 0. The default budget is shap's
 * {@code nsamples="auto"}: {@code 2M + 2048} coalitions ({@code 2^M − 2}, every coalition, when that is fewer:
 * then the values are the exact Shapley values of the game). shap's optional l1 feature selection is not done
 * (shap {@code l1_reg=0}).
 *
 * <p><b>Quality.</b> Draw {@code k} of the random part also counts towards batch {@code k mod 10}; each batch's
 * coalitions (with the enumerated ones) give an estimate of its own, and the standard error of each value is the
 * batch means' {@code sd / √10}. Sampling is "anytime": it proceeds in rounds (the first of {@code 10·M}
 * coalitions, each next one doubling the drawn coalitions) and stops as soon as every standard error is at most
 * the {@linkplain #tolerance tolerance} ({@code converged}), or at the budget (not converged unless the last
 * round met the tolerance). An enumerated game is exact: standard errors 0, converged. {@code tolerance(0)} always
 * spends the whole budget, as shap does.
 *
 * <p><b>Reproducibility.</b> All randomness comes from {@link SplittableRandom} seeded with the seed (row {@code i}
 * of {@link #explainRows} with {@code seed + i·0x9E3779B97F4A7C15}, so row 0 is explained as {@link #explain}
 * explains it); every sum runs in a fixed order; so the same seed gives the same values bit for bit, whatever
 * the number of threads. Immutable: every setter returns a new explainer.
 */
public final class KernelShap {
    /** Batches of the batch-means standard error. */
    static final int BATCHES = 10;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int samples;
    private final double tolerance;
    private final long seed;
    private final ShapLink link;
    private final int batchRows;
    private final int threads;

    private KernelShap(int samples, double tolerance, long seed, ShapLink link, int batchRows, int threads) {
        this.samples = samples;
        this.tolerance = tolerance;
        this.seed = seed;
        this.link = link;
        this.batchRows = batchRows;
        this.threads = threads;
    }

    /** shap's defaults: {@code nsamples="auto"}, identity link; tolerance 0.01, seed 0, 10,000 rows per call. */
    static KernelShap defaults() {
        return new KernelShap(0, 0.01, 0, ShapLink.IDENTITY, 10_000, 1);
    }

    /** The budget of coalitions ({@code nsamples}; at least 2); 0 restores shap's {@code "auto"}. */
    public KernelShap samples(int n) {
        if (n != 0) {
            Arguments.atLeast(2, "nsamples", n, "at least 2 coalitions, or 0 for shap's auto budget 2M + 2048");
        }
        return new KernelShap(n, tolerance, seed, link, batchRows, threads);
    }

    /** Stop sampling once every standard error is at most {@code t} (in the link's units); 0 spends the budget. */
    public KernelShap tolerance(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw InvalidInputException.problem("is not a tolerance").column("tolerance").value(t)
                    .expected("a finite number >= 0").build();
        }
        return new KernelShap(samples, t, seed, link, batchRows, threads);
    }

    public KernelShap seed(long s) {
        return new KernelShap(samples, tolerance, s, link, batchRows, threads);
    }

    public KernelShap link(ShapLink l) {
        return new KernelShap(samples, tolerance, seed, requireNonNull(l, "link"), batchRows, threads);
    }

    /** Model rows per call for tabular games (whole coalitions; default 10,000). */
    public KernelShap batchRows(int n) {
        return new KernelShap(samples, tolerance, seed, link,
                Arguments.atLeast(1, "batch_rows", n, "at least one row per model call"), threads);
    }

    /** Rows explained at once by {@link #explainRows} (the model must then be thread-safe); default 1. */
    public KernelShap threads(int n) {
        return new KernelShap(samples, tolerance, seed, link, batchRows,
                Arguments.atLeast(1, "threads", n, "at least one thread"));
    }

    /** The budget this explainer gives {@code m} varying players: the set one, or {@code 2m + 2048}. */
    public int budget(int m) {
        return samples > 0 ? samples : 2 * m + 2048;
    }

    /** The budget as set: 0 for shap's auto {@code 2M + 2048}. */
    public int samples() {
        return samples;
    }

    public double tolerance() {
        return tolerance;
    }

    public long seed() {
        return seed;
    }

    /** Explains {@code row} of a model over rows against {@code background} ({@link CoalitionGame#tabular}). */
    public ShapExplanation explain(RowModel<double[]> model, ShapBackground background, double[] row) {
        return explain(CoalitionGame.tabular(model, background, row, batchRows));
    }

    /**
     * Explains every row; with {@link #threads} above 1 several rows at once. Row {@code i} is explained with seed
     * {@code seed + i·0x9E3779B97F4A7C15}.
     */
    public List<ShapExplanation> explainRows(RowModel<double[]> model, ShapBackground background, double[][] rows) {
        requireNonNull(rows, "rows");
        List<ShapExplanation> out = new ArrayList<>(rows.length);
        if (threads == 1 || rows.length < 2) {
            for (int i = 0; i < rows.length; i++) {
                out.add(seed(seed + i * GOLDEN).explain(model, background, rows[i]));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rows.length), r -> {
            Thread t = new Thread(r, "trustml-kernel-shap");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ShapExplanation>> futures = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                KernelShap rowExplainer = seed(seed + i * GOLDEN);
                double[] row = rows[i];
                futures.add(pool.submit(() -> rowExplainer.explain(model, background, row)));
            }
            for (Future<ShapExplanation> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustmlException("interrupted while explaining rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new TrustmlException("explaining a row failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Explains any game: a table row, an image's superpixels, a text's words. */
    public ShapExplanation explain(CoalitionGame game) {
        requireNonNull(game, "game");
        List<String> players = game.players();
        int all = players.size();
        boolean[] varying = game.varying();
        int[] index = java.util.stream.IntStream.range(0, all).filter(j -> varying[j]).toArray();
        int m = index.length;
        boolean[] full = new boolean[all];
        java.util.Arrays.fill(full, true);
        double[][] ends = game.values(List.of(full, new boolean[all]));
        int outputs = ends[0].length;
        double[] fx = new double[outputs];
        double[] fnull = new double[outputs];
        double[] delta = new double[outputs];
        for (int d = 0; d < outputs; d++) {
            fx[d] = link.apply(ends[0][d], "f(x), output " + d);
            fnull[d] = link.apply(ends[1][d], "E[f], output " + d);
            delta[d] = fx[d] - fnull[d];
        }
        double[][] phi = new double[outputs][all];
        double[][] se = new double[outputs][all];
        long coalitions = 2;
        boolean converged = true;
        if (m == 1) {
            for (int d = 0; d < outputs; d++) {
                phi[d][index[0]] = delta[d];
            }
        } else if (m > 1) {
            KernelCoalitions design = new KernelCoalitions(m, budget(m), BATCHES, new SplittableRandom(seed));
            List<double[]> y = new ArrayList<>();
            evaluate(game, design.masks(), 0, index, all, fnull, y);
            KernelRegression.Equations fixed = new KernelRegression.Equations(m, outputs);
            double[] fixedWeights = design.fixedWeights();
            for (int i = 0; i < fixedWeights.length; i++) {
                fixed.add(design.masks().get(i), fixedWeights[i], y.get(i), delta);
            }
            KernelRegression.Equations[] drawn = new KernelRegression.Equations[BATCHES];
            double[] draws = new double[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                drawn[b] = new KernelRegression.Equations(m, outputs);
            }
            int target = design.fixedCount() + BATCHES * m;
            while (true) {
                if (!design.exact()) {
                    int before = design.masks().size();
                    design.sampleUpTo(target);
                    evaluate(game, design.masks(), before, index, all, fnull, y);
                    for (int[] draw : design.drainIncrements()) { // {row, batch}: one more count of that row
                        drawn[draw[1]].add(design.masks().get(draw[0]), 1.0, y.get(draw[0]), delta);
                        draws[draw[1]]++;
                    }
                }
                double[][] estimate = estimate(design, fixed, drawn, draws, y, delta);
                double[][] errors = design.exact() ? new double[outputs][m]
                        : batchErrors(design.weightLeft(), fixed, drawn, draws, delta, outputs, m);
                for (int d = 0; d < outputs; d++) {
                    for (int j = 0; j < m; j++) {
                        phi[d][index[j]] = estimate[d][j];
                        se[d][index[j]] = errors[d][j];
                    }
                }
                double worst = largest(errors);
                converged = design.exact() || worst <= tolerance;
                if (design.exact() || (tolerance > 0 && converged) || design.finished()) {
                    break;
                }
                target = design.fixedCount() + 2 * (design.masks().size() - design.fixedCount());
            }
            coalitions += design.masks().size();
        }
        return ShapExplanation.of(ShapMethod.KERNEL, link, players, fnull, fx, phi, se, converged, coalitions,
                game.modelRows(), seed);
    }

    /** Evaluates masks {@code from …} (over the varying players) and appends {@code link(v(S)) − link(v(∅))}. */
    private void evaluate(CoalitionGame game, List<boolean[]> masks, int from, int[] index, int all, double[] fnull,
            List<double[]> y) {
        if (from >= masks.size()) {
            return;
        }
        List<boolean[]> expanded = new ArrayList<>(masks.size() - from);
        for (int i = from; i < masks.size(); i++) {
            boolean[] z = masks.get(i);
            boolean[] mask = new boolean[all];
            for (int j = 0; j < z.length; j++) {
                mask[index[j]] = z[j];
            }
            expanded.add(mask);
        }
        double[][] v = game.values(expanded);
        for (double[] row : v) {
            double[] adjusted = new double[fnull.length];
            for (int d = 0; d < fnull.length; d++) {
                adjusted[d] = link.apply(row[d], "v(S), output " + d) - fnull[d];
            }
            y.add(adjusted);
        }
    }

    /**
     * The estimate from every coalition so far: the enumerated part plus the draw counts scaled to the weight left
     * ({@code KernelCoalitions#weights}); a singular system falls back to the least squares over the coalitions.
     */
    private static double[][] estimate(KernelCoalitions design, KernelRegression.Equations fixed,
            KernelRegression.Equations[] drawn, double[] draws, List<double[]> y, double[] delta) {
        KernelRegression.Equations all = fixed;
        double total = 0;
        for (double d : draws) {
            total += d;
        }
        for (int b = 0; b < BATCHES && total > 0; b++) {
            all = all.plus(drawn[b], design.weightLeft() / total);
        }
        double[][] phi = KernelRegression.solve(all, delta);
        return phi != null ? phi
                : KernelRegression.solve(design.masks(), design.weights(), y.toArray(new double[0][]), delta).phi();
    }

    /**
     * The batch-means standard errors {@code sd_b(φ_b) / √B}, batch {@code b}'s estimate from the enumerated part
     * and its own draws; NaN where a batch has no draws or a singular system.
     */
    private static double[][] batchErrors(double weightLeft, KernelRegression.Equations fixed,
            KernelRegression.Equations[] drawn, double[] draws, double[] delta, int outputs, int m) {
        double[][][] batch = new double[BATCHES][][];
        for (int b = 0; b < BATCHES; b++) {
            batch[b] = draws[b] == 0 ? null : KernelRegression.solve(fixed.plus(drawn[b], weightLeft / draws[b]), delta);
            if (batch[b] == null) {
                return nan(outputs, m);
            }
        }
        double[][] se = new double[outputs][m];
        for (int d = 0; d < outputs; d++) {
            for (int j = 0; j < m; j++) {
                double mean = 0;
                for (int b = 0; b < BATCHES; b++) {
                    mean += batch[b][d][j];
                }
                mean /= BATCHES;
                double ss = 0;
                for (int b = 0; b < BATCHES; b++) {
                    double t = batch[b][d][j] - mean;
                    ss += t * t;
                }
                se[d][j] = Math.sqrt(ss / (BATCHES - 1) / BATCHES);
            }
        }
        return se;
    }

    private static double[][] nan(int outputs, int m) {
        double[][] a = new double[outputs][m];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return a;
    }

    private static double largest(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return Double.NaN;
                }
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
