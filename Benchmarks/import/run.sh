#!/usr/bin/env bash
# Import benchmark: a generated agency-shaped GTFS feed, read by Python's csv module (the peer) and imported by
# Tiaoqi (release build) cold and through the compiled-timetable cache, in the same run; prints the ratios.
#
#   Benchmarks/import/run.sh [--rounds 3] [--stations 400] [--routes 32] [--seed 1]
#
# The feed goes to /tmp/tiaoqi-import-feed<arguments> (made by make_feed.py when missing). The machine may be busy with
# other work, which slows either side: the peer (best of 3) and Tiaoqi (best of 5) run one after the other in each of
# --rounds rounds, the best of each side over all rounds is compared, and each round's own ratio is printed too.
# TIAOQI_BENCH=PATH runs another build of tiaoqi-bench instead of this tree's (to measure an earlier commit the same way).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds=3
feed_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        *) feed_args+=("$1"); shift ;;
    esac
done
feed="/tmp/tiaoqi-import-feed$(printf '%s' "${feed_args[*]:-}" | tr -c 'A-Za-z0-9' '-')"
if [[ ! -s "$feed/stop_times.txt" ]]; then
    echo "generating $feed" >&2
    python3 "$here/make_feed.py" "$feed" "${feed_args[@]}"
fi

cd "$root"
bench="${TIAOQI_BENCH:-}"
if [[ -z "$bench" ]]; then
    scripts/ensure-deps
    swift build -c release --product tiaoqi-bench --quiet
    bench=.build/release/tiaoqi-bench
fi

peers=()
swifts=()
for ((round = 1; round <= rounds; round++)); do
    echo "round $round of $rounds: peer (python csv module, stop_times.txt only), then swift (the whole feed)" >&2
    peer_json="$(python3 "$here/peer.py" "$feed")"
    echo "$peer_json"
    swift_json="$("$bench" import "$feed" | grep '^{' | tail -n 1)"
    echo "$swift_json"
    peers+=("$peer_json")
    swifts+=("$swift_json")
done

PEER_JSON="$(printf '%s\n' "${peers[@]}")" SWIFT_JSON="$(printf '%s\n' "${swifts[@]}")" python3 - <<'PY'
import json, os, statistics
peers = [json.loads(line) for line in os.environ["PEER_JSON"].splitlines()]
swifts = [json.loads(line) for line in os.environ["SWIFT_JSON"].splitlines()]
peer = min(p["seconds"] for p in peers)
cold = min(s["cold_seconds"] for s in swifts)
first = min(s["first_with_cache_seconds"] for s in swifts)
cached = min(s["cached_seconds"] for s in swifts)
per_round = [p["seconds"] / s["cold_seconds"] for p, s in zip(peers, swifts)]
s = swifts[0]
print(f"feed: {s['trips']:,} trips, {s['stops']:,} stops, {s['stop_times']:,} stop times "
      f"({peers[0]['stop_times_bytes'] / 1e6:.1f} MB stop_times.txt); {len(peers)} rounds, best of each side")
print(f"python csv, stop_times.txt alone: {peer * 1000:8.1f} ms")
print(f"tiaoqi import, whole feed (cold):  {cold * 1000:8.1f} ms   {peer / cold:6.1f}x faster (target 10x)")
print(f"tiaoqi first run with cache:       {first * 1000:8.1f} ms (import, then keep)")
print(f"tiaoqi from the cache:             {cached * 1000:8.1f} ms   {peer / cached:6.1f}x faster")
print("cold ratio in each round (peer / tiaoqi, that round's best of each): "
      + ", ".join(f"{r:.1f}x" for r in per_round) + f"; median {statistics.median(per_round):.1f}x")
PY
