"""The reference side of Hush's differential YAML test (Tests/HushCLITests/YAMLDifferentialCLITests).

Reads a JSON list of cases on standard input, each {"name", "yaml", "hush"}: a YAML document and
what `hush decrypt --format json` printed for it once sealed. Loads each document with an
independent YAML 1.2 parser, ruamel.yaml (safe, pure Python, pinned by scripts/setup), and
compares the two data models. Prints a JSON report: {"compared": N, "differences": [...]}.

The comparison (docs/format.md §8.1 says the same):
- plain scalars are typed by the YAML 1.2 core schema of the spec (§10.3.2); ruamel's own 1.2
  resolver also reads `1_000`, `0b1`, `+0x1` and implicit timestamps, which the spec does not;
- `<<` is the YAML 1.1 merge key, as ruamel and PyYAML apply it;
- mapping keys are strings: the decoded text of the key (`1` and `"1"` are the key "1");
- `!!binary` is compared as the standard base64 text of its bytes, `!!timestamp` as its text;
- an application tag (`!Ref`, `!vault`) is ignored: its node is read as if untagged, and a
  tagged scalar is a string;
- a non-finite float (`.inf`, `-.Inf`, `.nan`) equals the string Hush prints for it, its text;
- an empty document is an empty mapping;
- everything else must be equal, with types (true is not 1) and key order.
"""

import base64
import json
import math
import re
import sys

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", ["<"]),
]


class CoreResolver(VersionedResolver):
    """The YAML 1.2 core schema, plus the merge key."""

    _core = None

    @property
    def versioned_resolver(self):
        if CoreResolver._core is None:
            table = {}
            for tag, pattern, firsts in CORE:
                for first in firsts:
                    table.setdefault(first, []).append((tag, re.compile(pattern)))
            CoreResolver._core = table
        # ruamel appends to the list it gets: hand out copies.
        return {k: list(v) for k, v in CoreResolver._core.items()}


class ReferenceConstructor(SafeConstructor):
    def flatten_mapping(self, node):
        super().flatten_mapping(node)
        # Keys are strings: their decoded text.
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode):
                key_node.tag = "tag:yaml.org,2002:str"

    def construct_yaml_timestamp(self, node, values=None):
        return self.construct_scalar(node)


def untagged(constructor, tag, node):
    if isinstance(node, ScalarNode):
        return constructor.construct_scalar(node)
    if isinstance(node, SequenceNode):
        return constructor.construct_sequence(node, deep=True)
    if isinstance(node, MappingNode):
        return constructor.construct_mapping(node, deep=True)
    raise ValueError(tag)


ReferenceConstructor.add_constructor("tag:yaml.org,2002:timestamp", ReferenceConstructor.construct_yaml_timestamp)
ReferenceConstructor.add_multi_constructor("!", untagged)
ReferenceConstructor.add_multi_constructor("tag:", lambda c, suffix, node: untagged(c, suffix, node)
                                           if not ("tag:" + suffix).startswith("tag:yaml.org,2002:")
                                           else c.construct_undefined(node))


def loader():
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    yaml.Resolver = CoreResolver
    yaml.Constructor = ReferenceConstructor
    return yaml


def normalise(value):
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ("non-finite", repr(value))
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(value, dict):
        return ("mapping", [(str(k), normalise(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    return ("unknown", repr(value))


def from_hush(value):
    if isinstance(value, tuple):
        return value
    if isinstance(value, list):
        return [from_hush(v) for v in value]
    return value


def nonfinite(text):
    """The non-finite float a YAML float text stands for, as repr, or None."""
    t = text.lower().lstrip("+")
    if t in (".inf", "-.inf", ".nan"):
        return repr(float(t.replace(".", "")))
    try:
        f = float(text)
    except ValueError:
        return None
    return None if math.isfinite(f) else repr(f)


def same(expected, actual):
    if isinstance(expected, tuple) and expected[0] == "non-finite":
        return isinstance(actual, str) and nonfinite(actual) == expected[1]
    if isinstance(expected, tuple) and expected[0] == "mapping":
        return (
            isinstance(actual, tuple)
            and len(expected[1]) == len(actual[1])
            and all(k1 == k2 and same(v1, v2) for (k1, v1), (k2, v2) in zip(expected[1], actual[1]))
        )
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(same(a, b) for a, b in zip(expected, actual))
    return type(expected) is type(actual) and expected == actual


def main():
    cases = json.load(sys.stdin)
    yaml = loader()
    differences = []
    for case in cases:
        try:
            expected = yaml.load(case["yaml"])
        except Exception as error:  # the reference refused what Hush accepted
            differences.append({"name": case["name"], "reference": "error: " + str(error).splitlines()[0]})
            continue
        expected = normalise({} if expected is None else expected)
        actual = json.loads(case["hush"], object_pairs_hook=lambda pairs: ("mapping", list(pairs)))
        if not same(expected, actual):
            differences.append({"name": case["name"], "reference": repr(expected), "hush": case["hush"].strip()})
    json.dump({"compared": len(cases), "differences": differences}, sys.stdout)


if __name__ == "__main__":
    main()
