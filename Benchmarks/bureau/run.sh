#!/usr/bin/env bash
# Store benchmark: ten years of a 50-person bureau (scripts/sample-bureau --bench: 20,000 companies, 3,000 projects,
# 1,300,000 visits) loaded into a fresh SQLite store and a fresh PostgreSQL database; on each, the release tiaoqi's
# `week next gulou`, `report --weeks 52 --by team` and `bureau import` of one district schedule are timed with
# /usr/bin/time -v (wall time, peak RSS) and printed against their targets (≤ 1 s, ≤ 500 MB).
#
#   Benchmarks/bureau/run.sh [--no-postgres]
#
# Both stores are loaded with `tiaoqi bureau import`, the way a bureau would (its time and memory are printed too).
# --no-postgres  SQLite only.
# The tables are generated once into .build/bureau-bench/tables (again when scripts/sample-bureau or the district
# schedules change); the stores, the logs and the week folders go to .build/bureau-bench/run.
# TIAOQI=PATH times another build of tiaoqi instead of this tree's release build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
postgres=yes
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-postgres) postgres=no; shift ;;
        *) echo "usage: Benchmarks/bureau/run.sh [--no-postgres]" >&2; exit 64 ;;
    esac
done
cd "$root"

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (/usr/bin/time -v) with apt-get" >&2
    SUDO=""; if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi

tiaoqi="${TIAOQI:-}"
if [[ -z "$tiaoqi" ]]; then
    scripts/ensure-deps
    echo "building the release tiaoqi" >&2
    swift build -c release --product tiaoqi --quiet
    tiaoqi="$root/.build/release/tiaoqi"
fi

# The tables, cached under .build by the hash of what makes them.
cache="$root/.build/bureau-bench"
tables="$cache/tables"
stamp="$(cat scripts/sample-bureau schedules/2022-w10/districts/*/* | sha256sum | cut -c1-16)"
if [[ "$(cat "$tables/.stamp" 2>/dev/null)" != "$stamp" ]]; then
    echo "generating the bench tables into $tables" >&2
    rm -rf "$tables" "$tables.new"
    mkdir -p "$cache"
    /usr/bin/time -f "generated in %e s, peak %M KB" scripts/sample-bureau --bench "$tables.new"
    echo "$stamp" >"$tables.new/.stamp"
    mv "$tables.new" "$tables"
fi
run="$cache/run"
rm -rf "$run"
mkdir -p "$run"
results="$run/results.tsv"
: >"$results"

# timed NAME BACKEND COMMAND…: runs it under /usr/bin/time -v, keeps its output in $run, adds a result line.
timed() {
    local name="$1" backend="$2"
    shift 2
    local log="$run/$backend-$name"
    echo "$backend: $name: $*" | sed 's#://[^@]*@#://***@#' >&2
    local status=0
    /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
    local wall rss
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$backend" "$name" "$wall" "$rss" "$status" >>"$results"
    if [[ "$status" != 0 ]]; then
        echo "  exit $status: $(tail -n 3 "$log.err" | tr '\n' ' ')" >&2
    else
        tail -n 2 "$log.out" | sed 's/^/  /' >&2
    fi
}

has_report=no
# (Without a report command, `tiaoqi report --help` prints the top level's help, which has no --weeks.)
if "$tiaoqi" report --help 2>&1 | grep -q -- "--weeks"; then has_report=yes; fi

measure() {
    local backend="$1" db="$2"
    timed "week-next" "$backend" "$tiaoqi" week next gulou --week 2022-03-07 --out "$run/$backend-week" --db "$db"
    if [[ "$has_report" == yes ]]; then
        timed "report" "$backend" "$tiaoqi" report --weeks 52 --until 2022-03-04 --by team --format table --db "$db"
        timed "report-leader" "$backend" "$tiaoqi" report --weeks 52 --until 2022-03-04 --by leader --format html \
            --db "$db"
    else
        echo "$backend: report: tiaoqi has no report command yet; skipped" >&2
        printf '%s\t%s\t-\t-\tabsent\n' "$backend" "report" >>"$results"
    fi
    timed "import-gulou" "$backend" "$tiaoqi" bureau import schedules/2022-w10/districts/gulou --db "$db"
}

# SQLite: a fresh file, loaded by the import.
timed "load" "sqlite" "$tiaoqi" bureau import "$tables" --db "$run/bureau.sqlite"
measure sqlite "$run/bureau.sqlite"

# PostgreSQL: a database of our own on the test server.
if [[ "$postgres" == yes ]]; then
    server="$(scripts/postgres-test-server)"
    base="${server%/*}"
    name="tiaoqi_bench_bureau"
    psql -q "$server" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
    url="$base/$name"
    timed "load" "postgres" "$tiaoqi" bureau import "$tables" --db "$url"
    measure postgres "$url"
fi

# The table of figures.
python3 - "$results" "$tables" <<'PY'
import sys
results, tables = sys.argv[1:]
def seconds(text):
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rows = [line.rstrip("\n").split("\t") for line in open(results, encoding="utf-8")]
count = lambda name: sum(1 for _ in open(f"{tables}/{name}", encoding="utf-8")) - 1
print(f"bench tables: {count('companies.csv'):,} companies, {count('clients.csv'):,} client sites, "
      f"{count('projects.csv'):,} projects, {count('visits.csv'):,} visits, "
      f"{count('stage_changes.csv'):,} stage changes")
print(f"{'backend':9} {'command':13} {'wall':>10} {'target':>7} {'peak RSS':>10} {'target':>7}  result")
for backend, name, wall, rss, status in rows:
    if status == "absent":
        print(f"{backend:9} {name:13} {'-':>10} {'≤ 1 s':>7} {'-':>10} {'≤ 500 MB':>7}  not there yet (no `tiaoqi report`)")
        continue
    s, mb = seconds(wall), int(rss) / 1024
    loading = name == "load"
    verdict = "load (no target)" if loading else ("met" if s <= 1 and mb <= 500 else
              "MISSED " + ", ".join(x for x, bad in (("time", s > 1), ("memory", mb > 500)) if bad))
    if status != "0":
        verdict = f"FAILED (exit {status})"
    how = " (tiaoqi bureau import)" if loading else ""
    target_s, target_m = ("", "") if loading else ("≤ 1 s", "≤ 500 MB")
    print(f"{backend:9} {name:13} {s:9.2f}s {target_s:>7} {mb:8.0f}MB {target_m:>7}  {verdict}{how}")
PY
