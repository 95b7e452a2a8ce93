#!/usr/bin/env bash
# TOPTW benchmark: tiaoqi-bench toptw on the literature instances, with PyVRP and OR-Tools in the same run.
#
#   Benchmarks/toptw/run.sh [--seconds 10] [--seed 1] [--only REGEX] [--tours 1,2,3,4] [--all | --without-bks]
#                           [--no-peers | --peers pyvrp,ortools]
#
# Rows come from Benchmarks/toptw/instances/bks.csv: by default the 156 with a best-known score, --all for all 304,
# --without-bks for the other 148.
# Peers are installed into .venv-bench (pip install pyvrp ortools) when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
scripts/ensure-deps
swift build -c release --product tiaoqi-bench --quiet
if [[ " $* " != *" --no-peers "* ]] && ! .venv-bench/bin/python -c 'import pyvrp, ortools' 2>/dev/null; then
    echo "setting up .venv-bench (pyvrp, ortools)" >&2
    [[ -x .venv-bench/bin/python ]] || python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q pyvrp ortools
fi
exec python3 "$here/compare.py" --tiaoqi-bench .build/release/tiaoqi-bench --python .venv-bench/bin/python "$@"
