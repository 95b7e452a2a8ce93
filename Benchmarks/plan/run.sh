#!/usr/bin/env bash
# Week-planning benchmark: a synthetic bureau (100 staff, 2,000 clients, 30 cities by default) planned at efforts
# 0 (the first plan), 10 and 60; prints one JSON line with solve time, score, audit errors and peak memory per effort.
#
#   Benchmarks/plan/run.sh [--staff N] [--clients M] [--cities C] [--seconds 0 10 60] [--threads 2] [--seed 1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
scripts/ensure-deps
swift build -c release --product tiaoqi-bench --quiet
exec .build/release/tiaoqi-bench plan "$@"
