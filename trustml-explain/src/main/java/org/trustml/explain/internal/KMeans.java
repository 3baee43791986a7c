package org.trustml.explain.internal;

import java.util.SplittableRandom;

/**
 * k-means as scikit-learn 1.2's {@code KMeans(n_clusters=k, n_init=10)} runs it for {@code shap.kmeans}: greedy
 * k-means++ seeding ({@code 2 + ⌊ln k⌋} candidates per centre, each drawn with probability proportional to its
 * squared distance to the nearest centre so far, the one leaving the smallest potential kept), Lloyd iterations
 * until the centres move by at most {@code tol = 10⁻⁴ × mean per-feature variance} (squared, summed) or 300
 * iterations, a cluster left empty re-seeded with the row farthest from its centre, and the run of least inertia
 * kept. Random numbers come from {@link SplittableRandom} (so the centres match scikit-learn's when the clusters
 * are well separated, not bit for bit).
 */
public final class KMeans {
    private KMeans() {}

    /** Centres and the size of each cluster. */
    public record Result(double[][] centres, int[] sizes) {}

    public static Result fit(double[][] x, int k, int restarts, long seed) {
        int n = x.length;
        int d = x[0].length;
        double tol = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            tol += var / n;
        }
        tol = tol / d * 1e-4;
        SplittableRandom random = new SplittableRandom(seed);
        Result best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int run = 0; run < restarts; run++) {
            double[][] centres = seed(x, k, random);
            int[] labels = new int[n];
            for (int iter = 0; iter < 300; iter++) {
                assign(x, centres, labels);
                double[][] next = means(x, labels, centres);
                double shift = 0;
                for (int c = 0; c < k; c++) {
                    shift += squared(centres[c], next[c]);
                }
                centres = next;
                if (shift <= tol) {
                    break;
                }
            }
            double inertia = assign(x, centres, labels);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                int[] sizes = new int[k];
                for (int l : labels) {
                    sizes[l]++;
                }
                best = new Result(centres, sizes);
            }
        }
        return best;
    }

    private static double[][] seed(double[][] x, int k, SplittableRandom random) {
        int n = x.length;
        int trials = 2 + (int) Math.log(k);
        double[][] centres = new double[k][];
        centres[0] = x[random.nextInt(n)].clone();
        double[] closest = new double[n];
        double potential = 0;
        for (int i = 0; i < n; i++) {
            closest[i] = squared(x[i], centres[0]);
            potential += closest[i];
        }
        for (int c = 1; c < k; c++) {
            int bestCandidate = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            double[] bestClosest = null;
            for (int t = 0; t < trials; t++) {
                int candidate = draw(closest, potential, random);
                double[] next = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    next[i] = Math.min(closest[i], squared(x[i], x[candidate]));
                    sum += next[i];
                }
                if (sum < bestPotential) {
                    bestPotential = sum;
                    bestCandidate = candidate;
                    bestClosest = next;
                }
            }
            centres[c] = x[bestCandidate].clone();
            closest = bestClosest;
            potential = bestPotential;
        }
        return centres;
    }

    private static int draw(double[] weights, double total, SplittableRandom random) {
        if (!(total > 0)) {
            return random.nextInt(weights.length);
        }
        double u = random.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (u < acc) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Assigns each row to its nearest centre (the first on ties); returns the inertia. */
    private static double assign(double[][] x, double[][] centres, int[] labels) {
        double inertia = 0;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double dist = squared(x[i], centres[c]);
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = c;
                }
            }
            labels[i] = best;
            inertia += bestDistance;
        }
        return inertia;
    }

    private static double[][] means(double[][] x, int[] labels, double[][] previous) {
        int k = previous.length;
        int d = x[0].length;
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        for (int i = 0; i < x.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < d; j++) {
                sums[labels[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) { // re-seed an empty cluster with the row farthest from its centre
                int far = 0;
                double farthest = -1;
                for (int i = 0; i < x.length; i++) {
                    double dist = squared(x[i], previous[labels[i]]);
                    if (dist > farthest) {
                        farthest = dist;
                        far = i;
                    }
                }
                sums[c] = x[far].clone();
                counts[c] = 1;
            }
            for (int j = 0; j < d; j++) {
                sums[c][j] /= counts[c];
            }
        }
        return sums;
    }

    private static double squared(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t;
        }
        return s;
    }
}
