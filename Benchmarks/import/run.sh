#!/usr/bin/env bash
# Import benchmark: a generated agency-shaped GTFS feed, read by Python's csv module (the peer) and imported by
# Tiaoqi (release build) cold and through the compiled-timetable cache, in the same run; prints the ratios.
#
#   Benchmarks/import/run.sh [--stations 400] [--routes 32] [--seed 1]
#
# The feed goes to /tmp/tiaoqi-import-feed-<arguments> (made by make_feed.py when missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
feed="/tmp/tiaoqi-import-feed$(printf '%s' "$*" | tr -c 'A-Za-z0-9' '-')"
if [[ ! -s "$feed/stop_times.txt" ]]; then
    echo "generating $feed" >&2
    python3 "$here/make_feed.py" "$feed" "$@"
fi

echo "peer (python csv module, stop_times.txt only):" >&2
peer_json="$(python3 "$here/peer.py" "$feed")"
echo "$peer_json"

echo "swift (the whole feed):" >&2
cd "$root"
scripts/ensure-deps
swift build -c release --product tiaoqi-bench --quiet
swift_json="$(.build/release/tiaoqi-bench import "$feed" | grep '^{' | tail -n 1)"
echo "$swift_json"

PEER_JSON="$peer_json" SWIFT_JSON="$swift_json" python3 - <<'PY'
import json, os
peer, swift = json.loads(os.environ["PEER_JSON"]), json.loads(os.environ["SWIFT_JSON"])
print(f"feed: {swift['trips']:,} trips, {swift['stops']:,} stops, {swift['stop_times']:,} stop times "
      f"({peer['stop_times_bytes'] / 1e6:.1f} MB stop_times.txt)")
print(f"python csv, stop_times.txt alone: {peer['seconds'] * 1000:8.1f} ms")
print(f"tiaoqi import, whole feed (cold):  {swift['cold_seconds'] * 1000:8.1f} ms   "
      f"{peer['seconds'] / swift['cold_seconds']:6.1f}x faster (target 10x)")
print(f"tiaoqi first run with cache:       {swift['first_with_cache_seconds'] * 1000:8.1f} ms (import, then keep)")
print(f"tiaoqi from the cache:             {swift['cached_seconds'] * 1000:8.1f} ms   "
      f"{peer['seconds'] / swift['cached_seconds']:6.1f}x faster")
PY
