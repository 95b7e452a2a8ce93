#!/usr/bin/env bash
# Board load benchmark (issue 18): the release `tiaoqi serve --demo` on loopback, wrk from Debian's packages with 200
# connections reading the coordinators' board and three calendar subscriptions for 60 s, while 20 replans and
# publishes run at once; prints p50/p99 latency, errors, and whether every acknowledged publication was kept.
#
#   Benchmarks/board/run.sh [--seconds N] [--connections N] [--publishes N]
#
# TIAOQI=PATH measures another build of tiaoqi instead of this tree's release build. Its files go to
# .build/board-bench (the store, the server's log, wrk's output).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# wrk (and the rest the tests start) from the project's own installer.
scripts/ensure-deps --tests
tiaoqi="${TIAOQI:-}"
if [[ -z "$tiaoqi" ]]; then
    echo "building the release tiaoqi" >&2
    swift build -c release --product tiaoqi --quiet
    tiaoqi="$root/.build/release/tiaoqi"
fi
exec python3 "$here/board_load.py" "$tiaoqi" "$root/.build/board-bench" "$@"
