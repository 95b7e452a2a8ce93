#!/usr/bin/env bash
# Calendar parse/expand benchmark: the Python peer, then the Swift side, then the ratios.
#
#   Benchmarks/calendar/run.sh [FEED]
#
# FEED defaults to /tmp/tiaoqi-calendar-10000-seed1.ics, made by make_feed.py when missing.
# EVENTS, RECURRING and SEED (10000, 0.2, 1) choose the generated feed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
events="${EVENTS:-10000}"
recurring="${RECURRING:-0.2}"
seed="${SEED:-1}"
feed="${1:-/tmp/tiaoqi-calendar-${events}-seed${seed}.ics}"

if [[ ! -s "$feed" ]]; then
    echo "generating $feed" >&2
    python3 "$here/make_feed.py" --events "$events" --recurring "$recurring" --seed "$seed" --out "$feed"
fi

venv="$root/.venv-oracle"
if ! "$venv/bin/python" -c 'import icalendar, recurring_ical_events' 2>/dev/null; then
    echo "setting up $venv" >&2
    [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q icalendar recurring-ical-events python-dateutil tzdata x-wr-timezone
fi

echo "peer ($(wc -c <"$feed") bytes):" >&2
peer_json="$("$venv/bin/python" "$here/peer.py" "$feed")"
echo "$peer_json"

echo "swift:" >&2
cd "$root"
# swift run may print build progress; the benchmark's result is its last line that starts with "{".
swift build -c release --product tiaoqi-bench --quiet
swift_out="$(.build/release/tiaoqi-bench calendar "$feed")"
swift_json="$(printf '%s\n' "$swift_out" | grep '^{' | tail -n 1 || true)"
if [[ -z "$swift_json" ]]; then
    printf '%s\n' "$swift_out" >&2
    echo "no JSON line from tiaoqi-bench calendar" >&2
    exit 1
fi
echo "$swift_json"

PEER_JSON="$peer_json" SWIFT_JSON="$swift_json" python3 - <<'PY'
import json, os

peer, swift = json.loads(os.environ["PEER_JSON"]), json.loads(os.environ["SWIFT_JSON"])

def get(doc, *path):
    for key in path:
        doc = doc.get(key) if isinstance(doc, dict) else None
    return doc

print("swift / peer (higher is better for Swift):")
for label, path in [("parse MB/s", ("parse_mb_per_s",)),
                    ("week occurrences/s", ("week", "occurrences_per_s")),
                    ("year occurrences/s", ("year", "occurrences_per_s")),
                    ("week expand-only occurrences/s", ("week", "expand_occurrences_per_s")),
                    ("year expand-only occurrences/s", ("year", "expand_occurrences_per_s"))]:
    p, s = get(peer, *path), get(swift, *path)
    if isinstance(p, (int, float)) and isinstance(s, (int, float)) and p > 0:
        print(f"  {label:32s} {s:>12,.1f} / {p:>12,.1f} = {s / p:8.1f}x")
for window in ("week", "year"):
    p, s = get(peer, window, "occurrences"), get(swift, window, "occurrences")
    if p is not None and s is not None and p != s:
        print(f"  note: {window} occurrences differ: swift {s}, peer {p}")
PY
