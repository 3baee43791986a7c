"""Reference numbers for trustml's SHAP explainers, made by the peers themselves:

* XGBoost 1.7.4 (Debian's python3-xgboost): two models trained here and saved in XGBoost's JSON format, their
  margins (predict(output_margin=True)) and exact path-dependent TreeSHAP (predict(pred_contribs=True));
* shap 0.46.0 (github.com/shap/shap at tag v0.46.0, with its C extension compiled locally; shap is not in Debian
  and there is no PyPI here): TreeExplainer path-dependent and interventional on the XGBoost model and on a
  scikit-learn 1.2.1 decision tree, KernelExplainer with every coalition enumerated (nsamples = 2^M - 2, so the
  result does not depend on numpy's random numbers), ExactExplainer, and shap.kmeans;
* shap needs numba (python3-numba), pandas, scikit-learn, tqdm and the small `slicer` package
  (github.com/interpretml/slicer); put the directories holding `shap/` and `slicer/` on PYTHONPATH:

    cd /tmp/shap-peer && git -C SHAP_MIRROR archive v0.46.0 shap | tar -x
    g++ -shared -fPIC -O2 $(python3-config --includes) -I$(python3 -c 'import numpy; print(numpy.get_include())') \
        shap/cext/_cext.cc -o shap/_cext$(python3-config --extension-suffix)
    PYTHONPATH=/tmp/shap-peer /usr/bin/python3 make_shap_fixtures.py ../resources/shap

The functions the KernelSHAP fixtures explain are written out again in ShapFixturesTest (Java); keep both equal.
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb
from sklearn.tree import DecisionTreeClassifier

import shap

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)


def dump(name, obj):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, indent=1, allow_nan=True)
        f.write("\n")


def rows(a):
    return [[None if np.isnan(v) else float(v) for v in r] for r in np.asarray(a, dtype=np.float64)]


# ---------------------------------------------------------------- XGBoost, binary, with missing values
rng = np.random.default_rng(23)
X = rng.normal(size=(400, 4)).astype(np.float32)
y = ((X[:, 0] + X[:, 1] * X[:, 2] - 0.5 * X[:, 3]) > 0).astype(int)
X[rng.random(400) < 0.1, 1] = np.nan  # missing values exercise the default directions
booster = xgb.train({"objective": "binary:logistic", "max_depth": 3, "eta": 0.3, "seed": 0,
                     "tree_method": "exact", "nthread": 1}, xgb.DMatrix(X, y, missing=np.nan), 20)
booster.save_model(os.path.join(OUT, "xgb_binary.json"))
explained = X[:8].copy()
explained[3, 1] = np.nan
explained[5, 0] = np.nan
background = X[~np.isnan(X).any(axis=1)][:30]
d = xgb.DMatrix(explained, missing=np.nan)
tree_path = shap.TreeExplainer(booster)
tree_int = shap.TreeExplainer(booster, background, feature_perturbation="interventional", model_output="raw")
dump("xgb_binary_expected.json", {
    "peer": "xgboost " + xgb.__version__ + ", shap " + shap.__version__,
    "rows": rows(explained),
    "margins": booster.predict(d, output_margin=True).astype(float).tolist(),
    "pred_contribs": booster.predict(d, pred_contribs=True).astype(float).tolist(),
    "shap_path_dependent": np.asarray(tree_path.shap_values(explained)).astype(float).tolist(),
    "shap_path_dependent_expected": float(np.ravel(tree_path.expected_value)[0]),
    "background": rows(background),
    "shap_interventional": np.asarray(tree_int.shap_values(explained)).astype(float).tolist(),
    "shap_interventional_expected": float(np.ravel(tree_int.expected_value)[0]),
})

# ---------------------------------------------------------------- XGBoost, three classes (multi:softprob)
X3 = rng.normal(size=(300, 5)).astype(np.float32)
y3 = np.digitize(X3[:, 0] + 0.5 * X3[:, 1] * X3[:, 4], [-0.5, 0.5])
multi = xgb.train({"objective": "multi:softprob", "num_class": 3, "max_depth": 4, "eta": 0.3, "seed": 0,
                   "tree_method": "exact", "nthread": 1}, xgb.DMatrix(X3, y3), 10)
multi.save_model(os.path.join(OUT, "xgb_multi.json"))
d3 = xgb.DMatrix(X3[:6])
dump("xgb_multi_expected.json", {
    "peer": "xgboost " + xgb.__version__,
    "rows": rows(X3[:6]),
    "margins": multi.predict(d3, output_margin=True).astype(float).tolist(),
    "pred_contribs": multi.predict(d3, pred_contribs=True).astype(float).tolist(),
})

# ---------------------------------------------------------------- scikit-learn CART, three classes
# values on a grid of quarters, exactly representable in float32 and float64, so x <= t reads the same in both
Xc = np.round(rng.normal(size=(200, 4)) * 4) / 4
yc = np.digitize(Xc[:, 0] - Xc[:, 2] + 0.3 * Xc[:, 1] * Xc[:, 3], [-0.7, 0.7])
cart = DecisionTreeClassifier(max_depth=4, random_state=0).fit(Xc, yc)
t = cart.tree_
value = t.value[:, 0, :]
cart_bg = Xc[:25]
cart_rows = Xc[100:106]
cart_path = shap.TreeExplainer(cart)
cart_int = shap.TreeExplainer(cart, cart_bg, feature_perturbation="interventional")
dump("cart.json", {
    "peer": "scikit-learn 1.2.1, shap " + shap.__version__,
    "children_left": t.children_left.tolist(),
    "children_right": t.children_right.tolist(),
    "feature": t.feature.tolist(),
    "threshold": t.threshold.tolist(),
    "value": (value / value.sum(axis=1, keepdims=True)).tolist(),
    "weighted_n_node_samples": t.weighted_n_node_samples.tolist(),
    "rows": rows(cart_rows),
    "predict_proba": cart.predict_proba(cart_rows).tolist(),
    "background": rows(cart_bg),
    # shap 0.46 returns [row][feature][class]
    "shap_path_dependent": np.asarray(cart_path.shap_values(cart_rows)).tolist(),
    "shap_path_dependent_expected": np.ravel(cart_path.expected_value).tolist(),
    "shap_interventional": np.asarray(cart_int.shap_values(cart_rows)).tolist(),
    "shap_interventional_expected": np.ravel(cart_int.expected_value).tolist(),
})


# ---------------------------------------------------------------- KernelSHAP, every coalition enumerated
def f5(x):
    z = 0.8 * x[:, 0] - 0.5 * x[:, 1] * x[:, 2] + np.sin(x[:, 3]) + 0.3 * x[:, 4] ** 2 - 0.2 * x[:, 0] * x[:, 4]
    return np.stack([1 / (1 + np.exp(-z)), np.tanh(x[:, 1] + 0.5 * x[:, 3])], axis=1)


def f6(x):
    out = f5(x[:, :5])
    out[:, 0] = 1 / (1 + np.exp(-(np.log(out[:, 0] / (1 - out[:, 0])) + 0.4 * np.maximum(x[:, 5], 0))))
    return out


kernel_cases = []
data5 = rng.normal(size=(120, 5))
data6 = rng.normal(size=(120, 6))
for name, f, data, summary in [("m5_kmeans", f5, data5, "kmeans"), ("m6_sample", f6, data6, "sample"),
                               ("m5_logit", f5, data5, "kmeans"), ("m6_constant", f6, data6, "constant")]:
    if summary == "kmeans":
        bg = shap.kmeans(data, 4)
        bg_rows, bg_weights = bg.data, bg.weights
    elif summary == "sample":
        bg_rows = shap.sample(data, 7, random_state=0)
        bg_weights = np.ones(len(bg_rows))
        bg = bg_rows
    else:  # one column constant in the background and equal in the explained rows: that feature cannot vary
        bg_rows = shap.sample(data, 6, random_state=1).copy()
        bg_rows[:, 2] = 0.5
        bg_weights = np.ones(len(bg_rows))
        bg = bg_rows
    x = np.round(rng.normal(size=(3, data.shape[1])), 3)
    if summary == "constant":
        x[:, 2] = 0.5
    link = "logit" if name.endswith("logit") else "identity"
    model = (lambda z: f(z)[:, 0]) if link == "logit" else f
    explainer = shap.KernelExplainer(model, bg, link=link)
    m = data.shape[1]
    values = explainer.shap_values(x, nsamples=2 ** m - 2, l1_reg=0, silent=True)
    case = {"name": name, "link": link, "outputs": 1 if link == "logit" else 2,
            "background": rows(bg_rows), "weights": np.asarray(bg_weights, dtype=float).tolist(),
            "rows": rows(x), "expected_value": np.ravel(explainer.expected_value).astype(float).tolist(),
            # [row][feature][output] (a single output gets a trailing axis of 1)
            "shap_values": np.asarray(values).reshape(len(x), m, -1).astype(float).tolist()}
    if summary == "sample":  # equally weighted background: shap's ExactExplainer is the same game
        exact = shap.explainers.Exact(f, shap.maskers.Independent(bg_rows, max_samples=len(bg_rows)))
        case["exact_values"] = np.asarray(exact(x).values).astype(float).tolist()
    kernel_cases.append(case)
dump("kernel.json", {"peer": "shap " + shap.__version__ + " KernelExplainer (nsamples = 2^M - 2, l1_reg=0)",
                     "cases": kernel_cases})

# ---------------------------------------------------------------- shap.kmeans on separated blobs
centres = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
sizes = [20, 30, 10]
blobs = np.concatenate([c + 0.5 * rng.normal(size=(n, 2)) for c, n in zip(centres, sizes)])
km = shap.kmeans(blobs, 3)
dump("kmeans.json", {"peer": "shap " + shap.__version__ + " kmeans (scikit-learn 1.2.1 KMeans)",
                     "data": rows(blobs), "centres": rows(km.data), "weights": km.weights.astype(float).tolist()})
print("wrote", OUT)
