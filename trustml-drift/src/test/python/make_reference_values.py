"""Writes src/test/resources/drift/scipy_reference.json: samples and the values scipy gives for them.

Run from trustml-drift/: python3 src/test/python/make_reference_values.py
Made with scipy 1.17.1, numpy 2.4.6 (pyenv Python 3.11.7). CI does not run this; the JSON is committed.
Debian's /usr/bin/python3 gets scipy with `apt-get install python3-scipy python3-numpy` (another scipy
version may change the last digits; the tests' tolerances are stated in ScipyReferenceTest).
"""
import json
from fractions import Fraction
from math import comb

import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

rng = np.random.default_rng(20261123)
cases = []


def add(name, x, y, decimals=None):
    if decimals is not None:
        x = np.round(x, decimals)
        y = np.round(y, decimals)
    ks = stats.ks_2samp(x, y)  # method='auto'
    c = {"name": name, "x": x.tolist(), "y": y.tolist(),
         "ks_statistic": float(ks.statistic), "ks_pvalue": float(ks.pvalue),
         "wasserstein": float(stats.wasserstein_distance(x, y)),
         "std_ref": float(np.std(x))}
    if min(len(x), len(y)) >= 2:
        cvm = stats.cramervonmises_2samp(x, y)  # method='auto'
        c["cvm_statistic"] = float(cvm.statistic)
        c["cvm_pvalue"] = float(cvm.pvalue)
    cases.append(c)


add("exact_unequal", rng.normal(0, 1, 30), rng.normal(0.5, 1, 45))
add("exact_equal", rng.normal(0, 1, 50), rng.normal(0.3, 1, 50))
add("exact_ties", rng.normal(0, 1, 60), rng.normal(0.2, 1, 40), decimals=1)
add("cvm_exact_small", rng.normal(0, 1, 8), rng.normal(1, 1, 11))
add("cvm_asymptotic", rng.normal(0, 1, 200), rng.normal(0.2, 1.2, 300))
add("asymptotic_large", rng.normal(0, 1, 12000), rng.normal(0.03, 1, 11000), decimals=4)
add("asymptotic_far_tail", rng.normal(0, 1, 12000), rng.normal(0.5, 1, 11000), decimals=4)
add("exact_far_tail_equal", np.arange(200.0), np.arange(200.0) + 1000)

kstwo = [{"d": d, "n": n, "sf": float(stats.kstwo.sf(d, n))}
         for d, n in [(0.05, 100), (0.2, 50), (0.01, 5739), (0.03, 5739), (0.18, 5739), (0.6, 20),
                      (0.001, 500000), (0.002, 500000), (0.005, 500000), (0.02, 500000), (0.003, 150000),
                      (0.004, 150000), (0.05, 200)]]

ref = ["a"] * 50 + ["b"] * 30 + ["c"] * 20
cur = ["a"] * 30 + ["b"] * 40 + ["c"] * 25 + ["d"] * 5
keys = sorted(set(ref) | set(cur))
k_norm = len(cur) / len(ref)
f_exp = np.array([ref.count(k) * k_norm for k in keys[:3]])
f_obs = np.array([cur.count(k) for k in keys[:3]])
# chi-square without the unseen category 'd' (its expected count is 0): current rows 'a','b','c' only
cur3 = [v for v in cur if v != "d"]
k3 = len(cur3) / len(ref)
chi = stats.chisquare([cur3.count(k) for k in keys[:3]], [ref.count(k) * k3 for k in keys[:3]])
p = np.array([ref.count(k) / len(ref) for k in keys])
q = np.array([cur.count(k) / len(cur) for k in keys])
categorical = {"reference": ref, "current": cur, "current_without_d": cur3,
               "chisquare_without_d_statistic": float(chi.statistic), "chisquare_without_d_pvalue": float(chi.pvalue),
               "jensenshannon": float(jensenshannon(p, q))}

# Two-sample chi-square: chi2_contingency(correction=False) on the 2xK table [reference counts; current counts].
# Categories with no count on either side are dropped first (scipy refuses a zero expected count).
crng = np.random.default_rng(20270117)
probs = [0.4, 0.3, 0.2, 0.1]


def contingency(name, categories, ref_counts, cur_counts):
    keep = [i for i in range(len(categories)) if ref_counts[i] + cur_counts[i] > 0]
    table = np.array([[ref_counts[i] for i in keep], [cur_counts[i] for i in keep]])
    res = stats.chi2_contingency(table, correction=False)
    return {"name": name, "categories": categories, "reference_counts": [int(c) for c in ref_counts],
            "current_counts": [int(c) for c in cur_counts], "statistic": float(res.statistic),
            "pvalue": float(res.pvalue), "dof": int(res.dof)}


contingency_cases = [
    contingency("four_unequal_sizes", ["a", "b", "c", "d"], crng.multinomial(5000, probs), crng.multinomial(4000, probs)),
    contingency("only_in_current", ["a", "b", "c", "d"], [50, 30, 20, 0], [30, 40, 25, 5]),
    contingency("only_in_reference_and_an_empty_column", ["a", "b", "c", "e"], [7, 2, 4, 0], [2, 5, 0, 0]),
    contingency("two_categories", ["n", "y"], [140, 60], [80, 120]),
    contingency("far_tail", ["a", "b", "c", "d"], crng.multinomial(2000, probs),
                crng.multinomial(3000, [0.25, 0.25, 0.25, 0.25])),
    contingency("one_category", ["a"], [5], [7]),
]

# The autoencoder checker's anomaly-count test: K = number of n batch values above the j-th smallest of m
# calibration values, j = floor((m - 1) q) + 1 (the order statistic at or below numpy's linear q-quantile).
# Under exchangeability K ~ BetaBinomial(n, m - j + 1, j); p = P(K >= x) = betabinom.sf(x - 1, ...).
# scipy's betabinom.sf is 1 - cdf and loses the far tail (1.0e-12 where the exact value is 7.9e-36), so the
# reference is the exact sum of P(K = k) = C(j-1+n-k, n-k) C(m-j+k, k) / C(m+n, n) in Python's integers.
exceedances = []
for m, q, n, x in [(200, 0.95, 100, 9), (200, 0.95, 500, 40), (60, 0.95, 30, 5), (1000, 0.95, 200, 30),
                   (1000, 0.95, 200, 80), (50, 0.95, 20, 0), (10, 0.9, 7, 7), (4000, 0.99, 20000, 260)]:
    j = int(np.floor((m - 1) * q)) + 1
    sf = stats.betabinom.sf(x - 1, n, m - j + 1, j)
    exact = Fraction(sum(comb(j - 1 + n - k, n - k) * comb(m - j + k, k) for k in range(x, n + 1)), comb(m + n, n))
    exceedances.append({"m": m, "quantile": q, "j": j, "n": n, "x": x, "betabinom_sf": float(sf),
                        "sf_exact": float(exact)})

doc = {"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases, "kstwo_sf": kstwo,
       "categorical": categorical, "chi2_contingency": contingency_cases, "exceedances": exceedances}
with open("src/test/resources/drift/scipy_reference.json", "w") as f:
    json.dump(doc, f)
for c in cases:
    print(c["name"], len(c["x"]), len(c["y"]), c["ks_statistic"], c["ks_pvalue"], c.get("cvm_statistic"),
          c.get("cvm_pvalue"), c["wasserstein"])
print(kstwo)
print({k: v for k, v in categorical.items() if not isinstance(v, list)})
for c in contingency_cases:
    print(c["name"], c["statistic"], c["pvalue"], c["dof"])
print(exceedances)
