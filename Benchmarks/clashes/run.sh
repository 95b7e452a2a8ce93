#!/usr/bin/env bash
# Clash detection benchmark: tiaoqi-bench clashes (release build), 100 people in 5 district teams, 5,000 calendar events.
#
#   Benchmarks/clashes/run.sh [--people 100] [--teams 5] [--events 5000] [--clients 200] [--repeats 5] [--seed 1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scripts/ensure-deps
swift build -c release --product tiaoqi-bench --quiet
exec .build/release/tiaoqi-bench clashes "$@"
