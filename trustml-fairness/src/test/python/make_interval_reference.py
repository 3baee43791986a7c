"""Writes src/test/resources/org/trustml/fairness/interval_reference.json: a small data set and what scipy gives for it.

Run from trustml-fairness/: python3 src/test/python/make_interval_reference.py
Made with scipy 1.17.1, numpy 2.4.6 (pyenv Python 3.11.7). CI does not run this; the JSON is committed.
Debian's /usr/bin/python3 (apt-get install python3-scipy python3-numpy) has scipy 1.10.1, which lacks
scipy.stats.false_discovery_control: the script then writes the Benjamini-Hochberg values from the definition and
says so in "bh_source".

What is in the file, and what the Java tests (IntervalReferenceTest) compare:

1. "bootstrap.identical": the rows of four strata (sex x race), B = 400 row resamples drawn here exactly as
   scipy.stats.bootstrap draws them (rng.integers(0, n_j, (B, n_j)) per stratum), given to
   scipy.stats.bootstrap(..., n_resamples=0, bootstrap_result=...) so scipy computes its percentile and BCa
   intervals on these resamples; the cell counts of every resample (what Java's resampling draws) and scipy's
   BCa acceleration and bias correction (its private _bca_interval). Java fed the same cell counts must give the
   same intervals and acceleration to rounding.
2. "bootstrap.reference": scipy.stats.bootstrap with its own 20,000 resamples, and for each end of each interval
   a band that the end of a 1,000-resample bootstrap drawn by anyone else lies in unless it is a 4-sigma event (the
   band's derivation is in `band`). Java's own seeded resamples must land in the bands.
3. "analytic": Wilson (scipy.stats.binomtest(...).proportion_ci(method='wilson')), Newcombe's hybrid score
   interval (from those Wilson intervals, Newcombe 1998 method 10) and Katz's log interval of a ratio
   (scipy.stats.contingency.relative_risk(...).confidence_interval()) for the same rows' groups.
4. "search": the two-proportion test of every subgroup of up to two of (sex, race, age) against the rest as
   scipy.stats.chi2_contingency(correction=False) gives it, and Benjamini-Hochberg adjusted p-values.
"""
import json
import math

import numpy as np
import scipy
from scipy import stats

B_IDENTICAL = 400
B_REFERENCE = 20000
B_JAVA = 1000
LEVEL = 0.95

rng = np.random.default_rng(20261207)

# four strata: (sex, race); sex=1 is privileged. Labels and predictions depend on the stratum so the groups differ.
STRATA = [
    {"sex": "0", "race": "a", "n": 34, "base": 0.45, "sel_pos": 0.70, "sel_neg": 0.25},
    {"sex": "0", "race": "b", "n": 26, "base": 0.40, "sel_pos": 0.60, "sel_neg": 0.30},
    {"sex": "1", "race": "a", "n": 40, "base": 0.55, "sel_pos": 0.85, "sel_neg": 0.20},
    {"sex": "1", "race": "b", "n": 30, "base": 0.50, "sel_pos": 0.80, "sel_neg": 0.15},
]
AGES = ["young", "middle", "old"]
rows = []
samples = []
for j, s in enumerate(STRATA):
    codes = []
    for _ in range(s["n"]):
        y = int(rng.random() < s["base"])
        p = int(rng.random() < (s["sel_pos"] if y else s["sel_neg"]))
        age = AGES[int(rng.integers(0, 3))]
        rows.append({"sex": s["sex"], "race": s["race"], "age": age, "y": y, "p": p})
        codes.append(2 * y + p)
    samples.append(np.array(codes))
PRIVILEGED = [s["sex"] == "1" for s in STRATA]


def counts(sample):
    """Cell counts (tn, fp, fn, tp) along the last axis: code = 2y + p."""
    return [np.count_nonzero(sample == c, axis=-1) for c in range(4)]


def group(cs, privileged):
    tn = fp = fn = tp = 0
    for c, priv in zip(cs, PRIVILEGED):
        if priv == privileged:
            tn, fp, fn, tp = tn + c[0], fp + c[1], fn + c[2], tp + c[3]
    return tn, fp, fn, tp


def metrics(*samples_, axis=-1):
    cs = [counts(s) for s in samples_]
    u = group(cs, False)
    p = group(cs, True)

    def sel(g):
        return (g[3] + g[1]) / (g[0] + g[1] + g[2] + g[3])

    def tpr(g):
        return g[3] / (g[3] + g[2])

    def fpr(g):
        return g[1] / (g[1] + g[0])

    def base(g):
        return (g[3] + g[2]) / (g[0] + g[1] + g[2] + g[3])

    tn = sum(c[0] for c in cs)
    fp = sum(c[1] for c in cs)
    fn = sum(c[2] for c in cs)
    tp = sum(c[3] for c in cs)
    n = tn + fp + fn + tp
    mu = (tp + tn + 2 * fp) / n  # benefit b = 1 + p - y: 1 right, 2 false positive, 0 false negative
    theil = ((tp + tn) * (1 / mu) * np.log(1 / mu) + fp * (2 / mu) * np.log(2 / mu)) / n  # AIF360 GE(1), Speicher et al.
    return {
        "classification.statistical_parity_difference": sel(u) - sel(p),
        "classification.disparate_impact": sel(u) / sel(p),
        "classification.equal_opportunity_difference": tpr(u) - tpr(p),
        "classification.average_odds_difference": 0.5 * ((fpr(u) - fpr(p)) + (tpr(u) - tpr(p))),
        "classification.true_positive_rate.privileged": tpr(p),
        "classification.false_positive_rate.unprivileged": fpr(u),
        "classification.theil_index": theil,
        "dataset.base_rate.unprivileged": base(u),
    }


METRICS = list(metrics(*samples).keys())


def statistic_of(name):
    return lambda *s, axis=-1: metrics(*s, axis=axis)[name]


class Given:
    def __init__(self, dist):
        self.bootstrap_distribution = dist


# 1. identical resamples
idx = [rng.integers(0, len(s), (B_IDENTICAL, len(s))) for s in samples]
resampled = [s[i] for s, i in zip(samples, idx)]
cell_counts = np.stack([np.stack(counts(r), axis=-1) for r in resampled], axis=1)  # (B, stratum, code)
identical = {}
for name in METRICS:
    theta_b = np.asarray(metrics(*resampled)[name], dtype=float)
    assert np.all(np.isfinite(theta_b)), name
    f = statistic_of(name)
    out = {"point": float(f(*samples))}
    for method in ("percentile", "BCa"):
        res = stats.bootstrap(tuple(samples), f, n_resamples=0, bootstrap_result=Given(theta_b), method=method,
                              confidence_level=LEVEL, vectorized=True, paired=False)
        out[method.lower()] = [float(res.confidence_interval.low), float(res.confidence_interval.high)]
        out[method.lower()] = [x if math.isfinite(x) else "NaN" for x in out[method.lower()]]
    alpha = (1 - LEVEL) / 2
    try:  # scipy >= 1.13 takes the array namespace
        from scipy._lib._array_api import array_namespace
        a1, a2, a_hat = stats._resampling._bca_interval(tuple(samples), f, -1, alpha, theta_b, None,
                                                         array_namespace(theta_b))
    except (ImportError, TypeError):
        a1, a2, a_hat = stats._resampling._bca_interval(tuple(samples), f, -1, alpha, theta_b, None)
    out["acceleration"] = float(a_hat) if math.isfinite(a_hat) else "NaN"
    out["bca_levels"] = [float(a1) if math.isfinite(a1) else "NaN", float(a2) if math.isfinite(a2) else "NaN"]
    identical[name] = out


# 2. scipy's own resamples, and the bands
def band(sorted_ref, levels):
    """Values between which a B_JAVA-resample quantile at each of `levels` falls unless a 4-sigma event occurs.

    The q-quantile of B resamples from a distribution F has F-level approximately N(q, q(1-q)/B) (order
    statistics); the reference distribution (B_REFERENCE resamples) stands in for F, its own error adding
    q(1-q)/B_REFERENCE. `levels` is an interval of target levels (for BCa, the levels at z0 +- 4 standard errors).
    """
    lo_q, hi_q = min(levels), max(levels)
    lo_q -= 4 * math.sqrt(lo_q * (1 - lo_q) * (1 / B_JAVA + 1 / B_REFERENCE))
    hi_q += 4 * math.sqrt(hi_q * (1 - hi_q) * (1 / B_JAVA + 1 / B_REFERENCE))
    return [float(np.quantile(sorted_ref, max(lo_q, 0))), float(np.quantile(sorted_ref, min(hi_q, 1)))]


reference = {}
for name in METRICS:
    if identical[name]["acceleration"] == "NaN":
        # every privileged positive is predicted positive: TPR is 1 in every resample and jackknife sample, and
        # scipy's acceleration is 0/0 (NaN, "degenerate"); Java takes a = 0 there and gives [1, 1]
        continue
    f = statistic_of(name)
    res = stats.bootstrap(tuple(samples), f, n_resamples=B_REFERENCE, method="percentile", confidence_level=LEVEL,
                          vectorized=True, paired=False, rng=np.random.default_rng(7))
    dist = np.sort(res.bootstrap_distribution)
    bca = stats.bootstrap(tuple(samples), f, n_resamples=0, bootstrap_result=res, method="BCa",
                          confidence_level=LEVEL, vectorized=True, paired=False)
    alpha = (1 - LEVEL) / 2
    theta = float(f(*samples))
    a_hat = identical[name]["acceleration"]  # the jackknife does not depend on resamples
    pct = (np.count_nonzero(dist < theta) + np.count_nonzero(dist <= theta)) / (2 * len(dist))
    # the B_JAVA-resample estimate of pct has standard error sqrt(pct(1 - pct)/B_JAVA)
    se = math.sqrt(pct * (1 - pct) / B_JAVA)
    bca_lo, bca_hi = [], []
    for p_ in (max(pct - 4 * se, 1e-9), min(pct + 4 * se, 1 - 1e-9)):
        z0 = stats.norm.ppf(p_)
        za = stats.norm.ppf(alpha)
        bca_lo.append(stats.norm.cdf(z0 + (z0 + za) / (1 - a_hat * (z0 + za))))
        bca_hi.append(stats.norm.cdf(z0 + (z0 - za) / (1 - a_hat * (z0 - za))))
    reference[name] = {
        "percentile": [float(res.confidence_interval.low), float(res.confidence_interval.high)],
        "bca": [float(bca.confidence_interval.low), float(bca.confidence_interval.high)],
        "percentile_band": [band(dist, [alpha]), band(dist, [1 - alpha])],
        "bca_band": [band(dist, bca_lo), band(dist, bca_hi)],
    }


# 3. analytic intervals of the groups' rates
def wilson(x, n):
    ci = stats.binomtest(int(x), int(n)).proportion_ci(LEVEL, method="wilson")
    return [float(ci.low), float(ci.high)]


def newcombe(x1, n1, x2, n2):
    w1, w2 = wilson(x1, n1), wilson(x2, n2)
    p1, p2 = x1 / n1, x2 / n2
    d = p1 - p2
    return [d - math.hypot(p1 - w1[0], w2[1] - p2), d + math.hypot(w1[1] - p1, p2 - w2[0])]


cs = [counts(s) for s in samples]
u = [int(v) for v in group(cs, False)]
p = [int(v) for v in group(cs, True)]
sel_u, n_u = u[3] + u[1], sum(u)
sel_p, n_p = p[3] + p[1], sum(p)
tp_u, pos_u = u[3], u[3] + u[2]
tp_p, pos_p = p[3], p[3] + p[2]
rr = stats.contingency.relative_risk(sel_u, n_u, sel_p, n_p).confidence_interval(LEVEL)
analytic = {
    "classification.selection_rate.unprivileged": wilson(sel_u, n_u),
    "classification.true_positive_rate.privileged": wilson(tp_p, pos_p),
    "classification.statistical_parity_difference": newcombe(sel_u, n_u, sel_p, n_p),
    "classification.equal_opportunity_difference": newcombe(tp_u, pos_u, tp_p, pos_p),
    "classification.disparate_impact": [float(rr.low), float(rr.high)],
}

# 4. the subgroup search: selection rate of each subgroup of up to two columns against the rest
search = []
for cols in (["sex"], ["race"], ["age"], ["sex", "race"], ["sex", "age"], ["race", "age"]):
    values = sorted({tuple(r[c] for c in cols) for r in rows})
    for v in values:
        inside = [r for r in rows if tuple(r[c] for c in cols) == v]
        rest = [r for r in rows if tuple(r[c] for c in cols) != v]
        if not rest:
            continue
        x1 = sum(r["p"] for r in inside)
        x2 = sum(r["p"] for r in rest)
        table = [[x1, len(inside) - x1], [x2, len(rest) - x2]]
        chi2, pval, _, _ = stats.chi2_contingency(table, correction=False)
        name = "{" + ", ".join(f"{c}={x}" for c, x in zip(cols, v)) + "}"
        search.append({"group": name, "rows": len(inside), "rate": x1 / len(inside), "rest_rate": x2 / len(rest),
                       "chi2": float(chi2), "p_value": float(pval)})
pvals = np.array([s["p_value"] for s in search])
if hasattr(stats, "false_discovery_control"):
    adjusted = stats.false_discovery_control(pvals, method="bh")
    bh_source = f"scipy.stats.false_discovery_control (scipy {scipy.__version__})"
else:
    order = np.argsort(pvals)
    m = len(pvals)
    adj = np.minimum.accumulate((m * pvals[order] / np.arange(1, m + 1))[::-1])[::-1]
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(adj, 1)
    bh_source = "the definition (this scipy has no false_discovery_control)"
for s, q in zip(search, adjusted):
    s["adjusted_p_value"] = float(q)

out = {
    "made_with": f"scipy {scipy.__version__}, numpy {np.__version__}",
    "level": LEVEL,
    "rows": rows,
    "strata": [{"sex": s["sex"], "race": s["race"]} for s in STRATA],
    "bootstrap": {
        "identical": {"resamples": B_IDENTICAL, "cell_codes": "per stratum: [tn, fp, fn, tp] (code 2y + p)",
                      "cell_counts": cell_counts.tolist(), "metrics": identical},
        "reference": {"resamples": B_REFERENCE, "java_resamples": B_JAVA, "metrics": reference},
    },
    "analytic": analytic,
    "search": {"bh_source": bh_source, "subgroups": search},
}
path = "src/test/resources/org/trustml/fairness/interval_reference.json"
import os

os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as fh:
    json.dump(out, fh, separators=(",", ":"))
print("wrote", path)
