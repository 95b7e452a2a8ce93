#!/usr/bin/env python3
"""Runs tiaoqi (and the peers) on the TOPTW rows and prints score, gap to the best-known score and time per row,
then the mean gaps and how often tiaoqi scores at least as much as PyVRP. Called by run.sh.

    compare.py --tiaoqi-bench PATH --python PYTHON [--seconds S] [--seed N] [--only REGEX] [--tours 1,2,3,4]
               [--all | --without-bks] [--no-peers | --peers pyvrp,ortools] [--baseline OLD_PATH] [--effort E]

PATH is the `tiaoqi-bench` executable (`swift build -c release --product tiaoqi-bench` builds
.build/release/tiaoqi-bench); each row runs `tiaoqi-bench toptw FILE --tours M --seconds S --seed N --format json`.
`--tiaoqi PATH` is the same option under its old name (it too takes the tiaoqi-bench executable).
`--baseline OLD_PATH` also runs another build's tiaoqi-bench (an earlier commit's) on each row, right after this one
with the same limit and seed, and ends with the rows where each scores more: the same-run comparison that says
whether a change made the search worse on a shared, noisy machine. `--effort E` stops both builds by the planner's
effort instead of the clock (`tiaoqi-bench toptw --effort`; no peers): the scores then repeat exactly, so they show
only what the change did to the search, and the summed seconds of each build show what it did to its speed."""
import argparse
import csv
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("TIAOQI_TOPTW_DIR", os.path.join(HERE, "instances"))
FOLDERS = ["solomon_c1_r1_rc1_100", "solomon_c2_r2_rc2_100", "cordeau_pr01-pr10", "cordeau_pr11-pr20"]


def instance_path(name):
    for folder in FOLDERS:
        path = os.path.join(DATA, folder, name + ".txt")
        if os.path.exists(path):
            return path
    raise SystemExit(f"instance {name} not found under {DATA}")


def run(command):
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode != 0:
        return {"score": None, "seconds": None, "error": out.stderr.strip()[-300:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tiaoqi-bench", "--tiaoqi", dest="tiaoqi_bench", required=True,
                        help="the tiaoqi-bench executable, e.g. .build/release/tiaoqi-bench")
    parser.add_argument("--python", required=True)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="")
    parser.add_argument("--tours", default="1,2,3,4")
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--peers", default="pyvrp,ortools", help="comma-separated: pyvrp, ortools")
    parser.add_argument("--without-bks", action="store_true", help="only the rows without a best-known score")
    parser.add_argument("--baseline", default="", help="another build's tiaoqi-bench, run on each row too")
    parser.add_argument("--effort", type=float, default=None,
                        help="stop tiaoqi by its effort (planner seconds), not the clock; the peers are not run")
    args = parser.parse_args()
    tours = {int(t) for t in args.tours.split(",")}
    rows = [r for r in csv.DictReader(open(os.path.join(DATA, "bks.csv"), encoding="utf-8"))
            if int(r["m"]) in tours and re.search(args.only, r["instance"])
            and (not r["bks_score"] if args.without_bks else args.all or r["bks_score"])]
    peers = [] if args.no_peers or args.effort is not None else [p for p in args.peers.split(",") if p]
    limit = ["--effort", str(args.effort)] if args.effort is not None else ["--seconds", str(args.seconds)]
    if args.baseline:
        peers = ["baseline"] + peers
    print(f"{'instance':10} {'m':>2} {'bks':>5}  {'tiaoqi':>6} {'gap%':>6} {'s':>5}" + "".join(f"  {p:>7} {'gap%':>6}" + (f" {'s':>5}" if p == "baseline" else "") for p in peers), flush=True)
    gaps = {"tiaoqi": []} | {p: [] for p in peers}
    at_least_pyvrp = []
    against_baseline = []
    for row in rows:
        path = instance_path(row["instance"])
        m = row["m"]
        results = {"tiaoqi": run([args.tiaoqi_bench, "toptw", path, "--tours", m] + limit + ["--seed", str(args.seed), "--format", "json"])}
        for peer in peers:
            if peer == "baseline":
                results[peer] = run([args.baseline, "toptw", path, "--tours", m] + limit + ["--seed", str(args.seed), "--format", "json"])
                continue
            results[peer] = run([args.python, os.path.join(HERE, "peers.py"), path, "--tours", m, "--seconds", str(args.seconds), "--seed", str(args.seed), "--solver", peer])
        bks = int(row["bks_score"]) if row["bks_score"] else None
        def gap(score):
            return None if bks is None or score is None else 100.0 * (bks - score) / bks
        line = f"{row['instance']:10} {m:>2} {bks if bks is not None else '-':>5}"
        for name in ["tiaoqi"] + peers:
            score = results[name].get("score")
            g = gap(score)
            if g is not None:
                gaps[name].append(g)
            line += f"  {score if score is not None else 'ERR':>6} {('%.2f' % g) if g is not None else '-':>6}"
            if name in ("tiaoqi", "baseline"):
                line += f" {results[name].get('seconds') or 0:5.1f}"
        if "baseline" in results and results["tiaoqi"].get("score") is not None and results["baseline"].get("score") is not None:
            against_baseline.append((results["tiaoqi"]["score"], results["baseline"]["score"],
                                     results["tiaoqi"]["seconds"], results["baseline"]["seconds"]))
        if "pyvrp" in results and results["tiaoqi"].get("score") is not None and results["pyvrp"].get("score") is not None:
            at_least_pyvrp.append(results["tiaoqi"]["score"] >= results["pyvrp"]["score"])
        print(line, flush=True)
    print()
    for name, values in gaps.items():
        if values:
            print(f"{name}: mean gap {sum(values) / len(values):.2f}% over {len(values)} rows with a best-known score")
    if args.baseline:
        pairs = [(n, b) for n, b, _, _ in against_baseline]
        print(f"tiaoqi against baseline: more on {sum(n > b for n, b in pairs)}, equal on {sum(n == b for n, b in pairs)}, "
              f"less on {sum(n < b for n, b in pairs)} of {len(pairs)} rows; total score {sum(n for n, _ in pairs)} "
              f"against {sum(b for _, b in pairs)}")
        new_s, old_s = sum(r[2] for r in against_baseline), sum(r[3] for r in against_baseline)
        print(f"tiaoqi against baseline: {new_s:.1f} s against {old_s:.1f} s of solving in all "
              f"(ratio {new_s / old_s if old_s else float('nan'):.3f})")
    if at_least_pyvrp:
        print(f"tiaoqi >= pyvrp on {sum(at_least_pyvrp)}/{len(at_least_pyvrp)} runs ({100.0 * sum(at_least_pyvrp) / len(at_least_pyvrp):.0f}%)")


if __name__ == "__main__":
    sys.exit(main())
