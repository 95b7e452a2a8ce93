#!/usr/bin/env bash
# Did a change make the search worse? The same-run comparison against an earlier commit: builds REV's tiaoqi-bench in
# a git worktree (.build-against/REV, kept for the next run), then, with both builds in turn on the same machine,
#   - the TOPTW rows with a best-known score (compare.py --baseline: the score of each build per row, then the rows
#     where each scores more), at --toptw-seconds of search each (wall-clock limited: the pairs share the noise), or
#     with --toptw-effort E stopped by the planner's effort instead: the scores repeat exactly and show only what
#     the change did to the search, the summed seconds what it did to the speed;
#   - the team-scale week (`tiaoqi-bench plan`, 100 staff, 2,000 clients, 30 cities) at effort 10 for each seed
#     (limited by effort, so the plans are repeatable and only the times carry noise), on --threads (default 2).
# Both builds run this tree's benchmark inputs (the TOPTW harness, the bureau generator) with their own engine.
#
#   Benchmarks/against.sh REV [--toptw-seconds 1 | --toptw-effort E] [--seeds "1 2 3"] [--threads 2] [--only REGEX]
#                             [--no-toptw] [--no-team]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rev="${1:?usage: Benchmarks/against.sh REV [--toptw-seconds S | --toptw-effort E] [--seeds \"1 2 3\"] [--threads 2] [--only REGEX] [--no-toptw] [--no-team]}"
shift
seconds=1 effort="" seeds="1 2 3" only="" toptw=1 team=1 threads=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --toptw-seconds) seconds="$2"; shift 2 ;;
        --toptw-effort) effort="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
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
# The inputs, not the engine, are this tree's: the TOPTW harness (its --effort) and the bureau generator (a different
# generator plans a different week, so the times would not compare); should REV's engine not build with them, the
# build below says so.
for input in Sources/tiaoqi-bench/TOPTWBench.swift Sources/tiaoqi-bench/BureauGenerator.swift; do
    if ! cmp -s "$input" "$tree/$input"; then
        cp "$input" "$tree/$input"
        echo "baseline: this tree's $input with $commit's planner"
    fi
done
(cd "$tree" && swift build -c release --product tiaoqi-bench --quiet)
swift build -c release --product tiaoqi-bench --quiet
new=.build/release/tiaoqi-bench
old="$tree/.build/release/tiaoqi-bench"
echo "baseline: $commit ($(git log -1 --format=%s "$commit" | cut -c1-80))"
echo "this tree: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with local changes')"
if [[ $toptw == 1 ]]; then
    limit=(--seconds "$seconds")
    [[ -n $effort ]] && limit=(--effort "$effort")
    python3 Benchmarks/toptw/compare.py --tiaoqi-bench "$new" --baseline "$old" --python python3 --no-peers \
        "${limit[@]}" --only "$only"
fi
if [[ $team == 1 ]]; then
    for seed in $seeds; do
        for build in baseline new; do
            binary="$new"
            [[ $build == baseline ]] && binary="$old"
            printf '%s seed %s: ' "$build" "$seed"
            "$binary" plan --staff 100 --clients 2000 --cities 30 --seconds 10 --seed "$seed" --threads "$threads" 2>/dev/null \
                | python3 -c 'import json, sys; r = json.load(sys.stdin)["runs"][0]; print(" ".join(f"{k}={r[k]}" for k in ["priority", "travel_minutes", "visits", "must_visits", "audit_errors", "first_feasible_seconds", "solve_seconds"]))'
        done
    done
fi
