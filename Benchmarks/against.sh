#!/usr/bin/env bash
# Did a change make the search worse? The same-run comparison against an earlier commit: builds REV's tiaoqi-bench in
# a git worktree (.build-against/REV, kept for the next run), then, with both builds in turn on the same machine,
#   - the TOPTW rows with a best-known score (compare.py --baseline: the score of each build per row, then the rows
#     where each scores more), at --toptw-seconds of search each (wall-clock limited: the pairs share the noise);
#   - the team-scale week (`tiaoqi-bench plan`, 100 staff, 2,000 clients, 30 cities) at effort 10 for each seed
#     (limited by effort, so the plans are repeatable and only the times carry noise).
#
#   Benchmarks/against.sh REV [--toptw-seconds 1] [--seeds "1 2 3"] [--only REGEX] [--no-toptw] [--no-team]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rev="${1:?usage: Benchmarks/against.sh REV [--toptw-seconds S] [--seeds \"1 2 3\"] [--only REGEX] [--no-toptw] [--no-team]}"
shift
seconds=1 seeds="1 2 3" only="" toptw=1 team=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --toptw-seconds) seconds="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --no-toptw) toptw=0; shift ;;
        --no-team) team=0; shift ;;
        *) echo "against.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
commit="$(git rev-parse --short "$rev")"
tree=".build-against/$commit"
scripts/ensure-deps
if [[ ! -d "$tree" ]]; then
    git worktree add --detach "$tree" "$commit" >&2
fi
(cd "$tree" && swift build -c release --product tiaoqi-bench --quiet)
swift build -c release --product tiaoqi-bench --quiet
new=.build/release/tiaoqi-bench
old="$tree/.build/release/tiaoqi-bench"
echo "baseline: $commit ($(git log -1 --format=%s "$commit" | cut -c1-80))"
echo "this tree: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with local changes')"
if [[ $toptw == 1 ]]; then
    python3 Benchmarks/toptw/compare.py --tiaoqi-bench "$new" --baseline "$old" --python python3 --no-peers \
        --seconds "$seconds" --only "$only"
fi
if [[ $team == 1 ]]; then
    for seed in $seeds; do
        for build in baseline new; do
            binary="$new"
            [[ $build == baseline ]] && binary="$old"
            printf '%s seed %s: ' "$build" "$seed"
            "$binary" plan --staff 100 --clients 2000 --cities 30 --seconds 10 --seed "$seed" --threads 2 2>/dev/null \
                | python3 -c 'import json, sys; r = json.load(sys.stdin)["runs"][0]; print(" ".join(f"{k}={r[k]}" for k in ["priority", "travel_minutes", "visits", "must_visits", "audit_errors", "first_feasible_seconds", "solve_seconds"]))'
        done
    done
fi
