"""Writes src/test/resources/cards/mct-2.1.0.json: a card written by Model Card Toolkit's last release.

The card is built with MCT's own `ModelCard` dataclasses and written by its own `ModelCard.to_json()`,
then checked by MCT's own `validation.validate_json_schema` (jsonschema, against the v0.0.2 schema that
release ships) and read back with `ModelCard.from_json`.

Run from trustml-modelcard/ with Debian's Python and an MCT source tree at tag v2.1.0 (commit
06649c4f595698616bc909ab4e2070002f4a541f of tensorflow/model-card-toolkit):

    apt-get install -y python3-protobuf python3-jsonschema
    /usr/bin/python3 src/test/python/make_mct_final_card.py /path/to/model-card-toolkit

Made with Python 3.11.2, python3-protobuf 3.21.12, python3-jsonschema 4.10.3. CI does not run this;
the JSON is committed.

Only `model_card.py`, `base_model_card_field.py` and `utils/validation.py` run. The package's
`__init__` modules are skipped: they import TFMA, TFX and ML Metadata, which are not installable here
and play no part in writing JSON. The generated protobuf module (`proto/model_card_pb2.py`, made by
Bazel in a real install) is replaced by a stand-in: `ModelCard.to_json()` never touches protos, it
only names their classes as dataclass defaults.
"""
import importlib.util
import json
import os
import sys
import types

mct_root = os.path.abspath(sys.argv[1])
package_dir = os.path.join(mct_root, "model_card_toolkit")


def bare_package(name, path):
    """Registers a package without running its __init__ (pkgutil.get_data still finds its files)."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(path, "__init__.py"),
                                                  submodule_search_locations=[path])
    sys.modules[name] = importlib.util.module_from_spec(spec)


bare_package("model_card_toolkit", package_dir)
bare_package("model_card_toolkit.utils", os.path.join(package_dir, "utils"))
bare_package("model_card_toolkit.proto", os.path.join(package_dir, "proto"))
pb2 = types.ModuleType("model_card_toolkit.proto.model_card_pb2")
pb2.__getattr__ = lambda name: type(name, (), {})
sys.modules[pb2.__name__] = pb2

from model_card_toolkit import model_card as mc  # noqa: E402
from model_card_toolkit.utils import validation  # noqa: E402

card = mc.ModelCard()
d = card.model_details
d.name = "Chest CT COVID classifier"
d.overview = "Flags CT slices that show COVID-19 findings."
d.documentation = "ResNet-18 fine-tuned on 2,400 slices.\nUse it as a second reader, never alone."
d.owners = [mc.Owner(name="Imaging team", contact="imaging@example.org")]
d.version = mc.Version(name="3f2a9c", date="2025-03-14", diff="Retrained with 400 more slices.")
d.licenses = [mc.License(identifier="Apache-2.0")]
d.references = [mc.Reference(reference="https://example.org/covid-ct")]
d.citations = [mc.Citation(style="text", citation="Imaging team (2025): Chest CT classifier.")]
d.path = "models/covid-ct/3f2a9c"

p = card.model_parameters
p.model_architecture = "ResNet-18"
p.data = [mc.Dataset(name="covid-ct (train)", description="2,400 slices; content hash sha256:ab12",
                     sensitive=mc.SensitiveData(sensitive_data=["age", "sex"]))]
p.input_format = "224x224 grayscale"
p.input_format_map = [mc.KeyVal(key="image", value="float32[1, 224, 224]"),
                      mc.KeyVal(key="scale", value="[0, 1]")]
p.output_format = "probability of COVID-19"
p.output_format_map = [mc.KeyVal(key="probability", value="float32[2]")]

# Values are strings in MCT's last release; its TFMA path writes str(float), as here.
q = card.quantitative_analysis
q.performance_metrics = [
    mc.PerformanceMetric(type="accuracy", value=str(0.91)),
    mc.PerformanceMetric(type="accuracy", value=str(0.87), slice="sex=female",
                         confidence_interval=mc.ConfidenceInterval(lower_bound=str(0.84), upper_bound=str(0.9))),
    mc.PerformanceMetric(type="disparate_impact", value=str(0.8235294117647058), slice="sex: female vs male"),
    mc.PerformanceMetric(type="loss", value=str(1.5e-05)),
    mc.PerformanceMetric(type="auc_curve", value="0.1, 0.5, 0.9", slice="thresholds"),
]

c = card.considerations
c.users = [mc.User(description="Radiologists")]
c.use_cases = [mc.UseCase(description="Second reader for triage")]
c.limitations = [mc.Limitation(description="Not tested on children")]
c.tradeoffs = [mc.Tradeoff(description="Recall favoured over precision")]
c.ethical_considerations = [mc.Risk(name="Missed findings in under-represented groups",
                                    mitigation_strategy="Per-slice recall is monitored.")]

text = card.to_json()
validation.validate_json_schema(json.loads(text))
again = mc.ModelCard()
again.from_json(json.loads(text))
assert again.to_json() == text, "MCT does not read back what it wrote"

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "cards", "mct-2.1.0.json")
with open(out, "w", encoding="utf-8") as f:
    f.write(text + "\n")
print("wrote", os.path.normpath(out))
