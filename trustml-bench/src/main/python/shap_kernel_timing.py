"""Times shap 0.46.0's KernelExplainer on the model ShapBenchmark.kernelShapFullBudget explains, for the ratio in
BENCHMARKS.md: a 20-feature logistic model with neighbour interactions (two outputs), background shap.kmeans(X, 10)
of 1,000 rows, shap's auto budget (2·20 + 2048 coalitions), l1_reg=0 (trustml does no l1 selection; shap's default
"auto" would add an AIC lasso per output). The weights are other random numbers than the Java benchmark's; the cost
does not depend on them. Prints the median seconds per explained row over ROWS rows, three times.

    PYTHONPATH=/tmp/shap-peer /usr/bin/python3 shap_kernel_timing.py [ROWS]
"""
import statistics
import sys
import time
import warnings

import numpy as np

import shap

warnings.filterwarnings("ignore")
D = 20
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20
rng = np.random.default_rng(23)
w = rng.normal(size=D)
v = 0.3 * rng.normal(size=D)
train = rng.normal(size=(1000, D))
x = rng.normal(size=(rows, D))


def model(z):
    s = z @ w + np.sum(v[:-1] * z[:, :-1] * z[:, 1:], axis=1)
    p = 1 / (1 + np.exp(-s))
    return np.stack([1 - p, p], axis=1)


explainer = shap.KernelExplainer(model, shap.kmeans(train, 10))
for _ in range(3):
    times = []
    for i in range(rows):
        t = time.perf_counter()
        explainer.shap_values(x[i], nsamples=2 * D + 2048, l1_reg=0, silent=True)
        times.append(time.perf_counter() - t)
    print(f"shap {shap.__version__} KernelExplainer: median {statistics.median(times) * 1000:.1f} ms per row "
          f"over {rows} rows")
