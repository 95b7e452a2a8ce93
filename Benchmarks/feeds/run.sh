#!/usr/bin/env bash
# Feed fetching benchmark: COUNT feeds of ~50 KB from a loopback nginx (static files, ETags and 304s), fetched by
# `tiaoqi-bench feeds` (release build) cold and then all-304, beside a sequential loop of the curl command line over
# the same URLs, in the same run. Installs nginx with apt-get when it is missing.
#
#   Benchmarks/feeds/run.sh [COUNT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-500}"
cd "$root"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
swift build -c release --product tiaoqi-bench --quiet

work="$(mktemp -d)"
mkdir -p "$work/www/bench" "$work/logs"
python3 - "$work/www/bench" "$count" <<'PY'
import sys
sys.path.insert(0, "Tests/FeedsTests/Server")
from fault_server import bench_calendar
folder, count = sys.argv[1], int(sys.argv[2])
for number in range(count):
    with open(f"{folder}/{number}.ics", "w", encoding="utf-8", newline="") as f:
        f.write(bench_calendar(number))
PY
port="$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { text/calendar ics; }
    server {
        listen 127.0.0.1:$port;
        root $work/www;
        keepalive_requests 100000;
    }
}
CONF
chmod -R a+rX "$work"
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
trap '"$nginx_bin" -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
prefix="http://127.0.0.1:$port/bench"
for _ in $(seq 50); do curl -sf -o /dev/null "$prefix/0.ics" && break; sleep 0.1; done
curl -sf -o /dev/null "$prefix/0.ics" || { echo "nginx does not serve $prefix/0.ics" >&2; exit 1; }

tiaoqi_json="$(.build/release/tiaoqi-bench feeds "$prefix" --count "$count")"
echo "$tiaoqi_json"

start=$(date +%s.%N)
for i in $(seq 0 $((count - 1))); do curl -sf -o /dev/null "$prefix/$i.ics"; done
end=$(date +%s.%N)
curl_seconds=$(python3 -c "print(round($end - $start, 3))")
echo "{\"tool\": \"curl command line, sequential\", \"feeds\": $count, \"seconds\": $curl_seconds}"

TIAOQI_JSON="$tiaoqi_json" CURL_SECONDS="$curl_seconds" python3 - <<'PY'
import json, os
t = json.loads(os.environ["TIAOQI_JSON"])
curl = float(os.environ["CURL_SECONDS"])
if t["cold"]["outcomes"] != {"fresh": t["feeds"]} or t["revalidate"]["outcomes"] != {"not-modified": t["feeds"]}:
    raise SystemExit(f"not every feed was fetched: cold {t['cold']['outcomes']}, second pass {t['revalidate']['outcomes']}")
print(f"cold: tiaoqi {t['cold']['seconds']:.3f} s ({t['cold']['requests_per_s']:.0f} req/s), "
      f"{curl / t['cold']['seconds']:.1f}x faster than the sequential curl loop ({curl:.2f} s)")
print(f"all-304: {t['revalidate']['seconds']:.3f} s ({t['revalidate']['requests_per_s']:.0f} req/s), outcomes {t['revalidate']['outcomes']}")
print(f"peak memory: {t['peak_rss_mb']:.1f} MB")
PY
