#!/bin/sh
# Prints the path of a Python 3.12+ interpreter, or explains on stderr and exits 1.
# pyenv's python3.12/python3.13 shims exist even when that version is not selected, so each
# candidate is run (with PYENV_VERSION set to its installed version) rather than looked up.
for candidate in "${PYTHON:-}" python3.14 python3.13 python3.12 python3; do
    [ -n "$candidate" ] || continue
    minor=${candidate#python3.}
    versions="$(pyenv versions --bare 2>/dev/null | grep -E "^3\.$minor(\.|$)" | sort -V | tail -n 1)"
    for env in "" "$versions"; do
        path=$(PYENV_VERSION=$env "$candidate" -c 'import sys; print(sys.executable if sys.version_info >= (3, 12) else "")' 2>/dev/null) || continue
        if [ -n "$path" ]; then
            echo "$path"
            exit 0
        fi
    done
done
echo "error: no Python 3.12 or newer found (tried python3.14, python3.13, python3.12, python3)." >&2
echo "Install one (e.g. 'pyenv install 3.13' or 'apt-get install python3.13') or set PYTHON=/path/to/python3.12+." >&2
exit 1
