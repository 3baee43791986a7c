"""Writes src/test/resources/python_float_repr.json: doubles and Python's repr of each.

MCT writes metric values with str(float); trustml's PythonFloats.repr must give the same text.
Run from trustml-modelcard/: /usr/bin/python3 src/test/python/make_python_repr_fixture.py
Made with Python 3.11.2 (Debian). CI does not run this; the JSON is committed.
"""
import json
import math
import os
import random
import struct

rng = random.Random(20261206)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


values = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.1, 0.91, 0.9, 0.84, 1e-4, 1e-5, 1.5e-5,
          1e15, 1e16, 1.5e16, 123456789012345678.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          0.30000000000000004, 2.0 ** 60, 2.0 ** -60, 9007199254740993.0]
values += [rng.random() for _ in range(500)]                       # metric-like values in [0, 1)
values += [round(rng.random(), rng.randint(1, 6)) for _ in range(300)]  # short decimals
values += [rng.uniform(-1e6, 1e6) for _ in range(300)]
values += [float(rng.randint(-10 ** 18, 10 ** 18)) for _ in range(200)]
values += [2.0 ** rng.randint(-1074, 1023) for _ in range(200)]     # powers of two: lopsided intervals
while len(values) < 2000:                                         # any finite bit pattern
    x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if math.isfinite(x):
        values.append(x)

cases = [[format(bits(x), "016x"), repr(x)] for x in values]  # [IEEE-754 bits in hex, repr]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "python_float_repr.json")
with open(out, "w", encoding="utf-8") as f:
    f.write("[\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]\n")
print("wrote", len(cases), "cases to", os.path.normpath(out))
