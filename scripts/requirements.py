"""Prints the pinned runtime and dev requirements from pyproject.toml, one per line.

pip cannot install a project's dependency groups without building the project itself, and
this project is an application, not a package.
"""

import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
groups = project.get("dependency-groups", {})
for requirement in project["project"]["dependencies"] + groups.get("dev", []):
    print(requirement)
