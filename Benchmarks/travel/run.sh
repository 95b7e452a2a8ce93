#!/usr/bin/env bash
# Routing benchmark on a generated China-scale network (release build); extra arguments go to `tiaoqi-bench travel`.
#
#   Benchmarks/travel/run.sh [--stations 3000] [--trips-per-day 10000] [--days 7] [--cities 50] [--seed 1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scripts/ensure-deps
swift build -c release --product tiaoqi-bench --quiet
.build/release/tiaoqi-bench travel "$@" | python3 -m json.tool
