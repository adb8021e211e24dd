"""Prints pinned requirements from pyproject.toml, one per line: the runtime dependencies, and
with `--group dev` (repeatable) that dependency group's too.

pip cannot install a project's dependency groups without building the project itself, and
this project is an application, not a package. `make serve` installs the runtime ones only:
no test tools (pytest, hypothesis, ruff, playwright) in production.
"""

import argparse
import tomllib
from pathlib import Path

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--group", action="append", default=[], help="a dependency group to add")
parser.add_argument("--only-groups", action="store_true", help="leave the runtime ones out")
options = parser.parse_args()

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
groups = project.get("dependency-groups", {})
requirements = [] if options.only_groups else list(project["project"]["dependencies"])
for name in options.group:
    if name not in groups:
        parser.error(f"no dependency group {name!r} in pyproject.toml")
    requirements += groups[name]
for requirement in requirements:
    print(requirement)
