#!/usr/bin/env bash
# Python: builds kam-py into a local virtualenv (.venv) and runs its tests —
# every golden vector, batch scoring, Dask, the docs' snippets and the example
# notebook — then checks the type stubs with mypy --strict and stubtest.
# Installs what it needs once (keyed on kam-py/requirements-dev.txt), so a
# second run only rebuilds and tests.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
requirements=kam-py/requirements-dev.txt

if [ ! -x "$venv/bin/python" ]; then
  python=""
  # Run each candidate: a pyenv shim exists even for versions it cannot start.
  for candidate in python3 python3.13 python3.12 python3.11 python3.10 python3.9; do
    if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info < (3, 9))' >/dev/null 2>&1; then
      python=$candidate
      break
    fi
  done
  if [ -z "$python" ]; then
    echo "scripts/test-python.sh needs Python 3.9 or later (python3)" >&2
    exit 1
  fi
  echo "creating $venv with $($python --version)"
  "$python" -m venv "$venv"
fi

if command -v sha256sum >/dev/null 2>&1; then
  hash=$(sha256sum "$requirements" | cut -c1-16)
else
  hash=$(shasum -a 256 "$requirements" | cut -c1-16) # macOS
fi
stamp="$venv/.kam-requirements-$hash"
if [ ! -f "$stamp" ]; then
  echo "installing $requirements into $venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  rm -f "$venv"/.kam-requirements-*
  touch "$stamp"
fi

# Build the extension and install the package into the venv (editable: the
# .so lands next to kam-py/python/kam/), with the quicker `test-python`
# profile (Cargo.toml): the tests check behaviour, not speed. The benchmarks
# in kam-py/bench want `maturin develop --release -m kam-py/Cargo.toml`.
export VIRTUAL_ENV="$PWD/$venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
maturin develop --profile test-python --quiet -m kam-py/Cargo.toml

# Run from the tests' directory so `import kam` is the installed package.
(cd kam-py && "../$venv/bin/python" -m pytest -q -p no:cacheprovider tests)

"$venv/bin/python" -m mypy --config-file kam-py/pyproject.toml --strict --no-incremental \
  kam-py/python/kam kam-py/tests kam-py/bench kam-py/scripts
"$venv/bin/python" -m mypy.stubtest kam._kam --allowlist kam-py/stubtest-allowlist.txt
