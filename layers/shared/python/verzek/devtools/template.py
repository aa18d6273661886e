"""Read `template.yaml` (CloudFormation/SAM) without Docker or AWS: functions, handlers, environments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from verzek.config import find_checkout_root


def repo_root() -> Path:
    """The checkout these developer tools work on (they read template.yaml and events/ from it)."""
    root = find_checkout_root()
    if root is None:
        raise RuntimeError("verzek developer tools need a source checkout (template.yaml not found above the package)")
    return root


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that keeps CloudFormation short-form intrinsics (!Ref, !Sub, ...) as {'Fn::X': ...}."""


def _intrinsic(loader, tag_suffix, node):
    name = tag_suffix if tag_suffix in ("Ref", "Condition") else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def load_template(path: Path | None = None) -> dict:
    with open(path or repo_root() / "template.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_CfnLoader)


@dataclass(frozen=True)
class FunctionSpec:
    logical_id: str
    code_uri: Path
    handler: str  # module.function
    environment: dict  # literal values resolved; intrinsics kept as dicts
    layers: list

    @property
    def module_path(self) -> Path:
        return self.code_uri / (self.handler.rsplit(".", 1)[0].replace(".", "/") + ".py")

    @property
    def function_name(self) -> str:
        return self.handler.rsplit(".", 1)[1]


def _resolve(value, parameters: dict):
    """Resolve what can be resolved offline: literals and !Ref to a parameter default."""
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in parameters:
        default = parameters[value["Ref"]].get("Default")
        return None if default is None else str(default)
    if isinstance(value, (str, int, float, bool)):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return value


def functions(template: dict | None = None, root: Path | None = None) -> dict[str, FunctionSpec]:
    template = template or load_template()
    root = root or repo_root()
    params = template.get("Parameters", {})
    glob = template.get("Globals", {}).get("Function", {})
    glob_env = glob.get("Environment", {}).get("Variables", {})
    out = {}
    for logical_id, res in template.get("Resources", {}).items():
        if res.get("Type") != "AWS::Serverless::Function":
            continue
        props = res.get("Properties", {})
        env = dict(glob_env)
        env.update(props.get("Environment", {}).get("Variables", {}))
        out[logical_id] = FunctionSpec(
            logical_id=logical_id,
            code_uri=(root / props["CodeUri"]).resolve(),
            handler=props.get("Handler", glob.get("Handler")),
            environment={k: _resolve(v, params) for k, v in env.items()},
            layers=props.get("Layers", []),
        )
    return out


def find_function(name: str, template: dict | None = None) -> FunctionSpec:
    """By logical id (`DcaExecutorFunction`) or by folder name (`dca_executor`)."""
    specs = functions(template)
    if name in specs:
        return specs[name]
    for spec in specs.values():
        if spec.code_uri.name == name:
            return spec
    raise KeyError(name)
