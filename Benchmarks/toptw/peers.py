#!/usr/bin/env python3
"""Peers for the TOPTW benchmark: PyVRP and OR-Tools on one instance, modelled as prize-collecting VRPTW.

    python peers.py FILE --tours M --seconds S --seed N --solver pyvrp|ortools

Prints one JSON line {"instance", "tours", "score", "routes", "seconds", "solver"}. Run it with the interpreter of the
venv that holds the peers (run.sh sets it up: pip install pyvrp ortools).

Model (the same for both): vertex 0 is the depot, where `tours` vehicles start at O_0 and must be back by C_0 =
Tmax; each customer is optional, with its service time and a window for the start of service, and its prize is its
score times a weight larger than any possible total distance, so that score comes first and distance only breaks
ties. Distances follow the data README: Euclidean, truncated to 1 decimal (Solomon-based) or 2 (pr files), in
thousandths so that every number is an exact integer. The score printed is recomputed from the returned routes by
a feasibility check of their own.
"""
import argparse
import json
import math
import os
import sys
import time


def read(path):
    """Vertex lines (i x y d S f a list... O C) found by shape, in thousandths."""
    def milli(token):
        negative = token.startswith("-")
        whole, _, fraction = token.lstrip("+-").partition(".")
        value = int(whole or "0") * 1000 + int((fraction + "000")[:3])
        return -value if negative else value
    vertices = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            tokens = line.split()
            if len(tokens) >= 9 and tokens[6].lstrip("-").isdigit() and len(tokens) == 9 + int(tokens[6]) and int(tokens[0]) == len(vertices):
                vertices.append({
                    "x": milli(tokens[1]), "y": milli(tokens[2]), "service": milli(tokens[3]),
                    "score": milli(tokens[4]) // 1000, "open": milli(tokens[-2]), "close": milli(tokens[-1]),
                })
    step = distance_step(path)
    n = len(vertices)
    dist = [[0] * n for _ in range(n)]
    for a in range(n):
        for b in range(n):
            if a != b:
                dx, dy = vertices[a]["x"] - vertices[b]["x"], vertices[a]["y"] - vertices[b]["y"]
                dist[a][b] = math.isqrt(dx * dx + dy * dy) // step * step
    return vertices, dist


def distance_step(path):
    """Thousandths per truncation step: pr files keep two decimals, the Solomon-based ones one."""
    return 10 if os.path.basename(path).lower().startswith("pr") else 100


def check(vertices, dist, routes, tours):
    """The score of feasible routes, or raise."""
    assert len(routes) <= tours, "too many tours"
    seen, score = set(), 0
    for route in routes:
        clock, at = vertices[0]["open"], 0
        for v in route:
            assert v not in seen and 0 < v < len(vertices), f"bad or repeated vertex {v}"
            seen.add(v)
            clock = max(clock + vertices[at]["service"] + dist[at][v], vertices[v]["open"])
            assert clock <= vertices[v]["close"], f"vertex {v} late"
            score += vertices[v]["score"]
            at = v
        assert not route or clock + vertices[at]["service"] + dist[at][0] <= vertices[0]["close"], "late back"
    return score


def solve_pyvrp(vertices, dist, tours, seconds, seed, step):
    from pyvrp import Model, Solution
    from pyvrp.stop import MaxRuntime
    # Durations stay exact in thousandths. The distance that breaks ties is counted in truncation steps (every
    # distance is a whole number of them), so that the score weight (above any total distance) stays small enough
    # for PyVRP's time-warp penalty (at most 1e5 per thousandth) to outweigh any prize: with the weight 1e8 needed
    # for thousandths, a bit of time warp paid for a client and the search stayed infeasible (r101, rc101).
    total = tours * (vertices[0]["close"] - vertices[0]["open"]) // step + 1
    weight = 10 ** len(str(total))
    model = Model()
    locations = [model.add_location(x=v["x"], y=v["y"]) for v in vertices]
    model.add_depot(locations[0], tw_early=vertices[0]["open"], tw_late=vertices[0]["close"])
    model.add_vehicle_type(num_available=tours, tw_early=vertices[0]["open"], tw_late=vertices[0]["close"])
    for location, v in zip(locations[1:], vertices[1:]):
        model.add_client(location, service_duration=v["service"], tw_early=v["open"], tw_late=v["close"],
                         prize=v["score"] * weight, required=False)
    for a, frm in enumerate(locations):
        for b, to in enumerate(locations):
            if a != b:
                model.add_edge(frm, to, distance=dist[a][b] // step, duration=dist[a][b])
    # Start from the empty plan, which is feasible, so that the best solution kept is always a feasible one.
    data = model.data()
    result = model.solve(stop=MaxRuntime(seconds), seed=seed, display=False, initial_solution=Solution(data, []))
    # A route lists activities; a client's idx counts clients from 0, so vertex = idx + 1. Time warp is infeasible.
    assert result.best.is_feasible(), "PyVRP returned an infeasible solution"
    return [[activity.idx + 1 for activity in route if activity.is_client()] for route in result.best.routes()]


def solve_ortools(vertices, dist, tours, seconds, seed):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    n = len(vertices)
    manager = pywrapcp.RoutingIndexManager(n, tours, 0)
    routing = pywrapcp.RoutingModel(manager)
    def transit(i, j):
        a, b = manager.IndexToNode(i), manager.IndexToNode(j)
        return vertices[a]["service"] + dist[a][b]
    callback = routing.RegisterTransitCallback(transit)
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    horizon = vertices[0]["close"]
    routing.AddDimension(callback, horizon, horizon, False, "Time")
    time_dimension = routing.GetDimensionOrDie("Time")
    for node in range(1, n):
        index = manager.NodeToIndex(node)
        time_dimension.CumulVar(index).SetRange(vertices[node]["open"], vertices[node]["close"])
        routing.AddDisjunction([index], vertices[node]["score"] * 10 ** 8)
    for vehicle in range(tours):
        time_dimension.CumulVar(routing.Start(vehicle)).SetRange(vertices[0]["open"], vertices[0]["close"])
        time_dimension.CumulVar(routing.End(vehicle)).SetRange(vertices[0]["open"], vertices[0]["close"])
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(parameters)
    routes = []
    if solution:
        for vehicle in range(tours):
            index, route = routing.Start(vehicle), []
            while not routing.IsEnd(index):
                node = manager.IndexToNode(index)
                if node != 0:
                    route.append(node)
                index = solution.Value(routing.NextVar(index))
            routes.append(route)
    return routes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--tours", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--solver", choices=["pyvrp", "ortools"], required=True)
    args = parser.parse_args()
    vertices, dist = read(args.file)
    start = time.perf_counter()
    if args.solver == "pyvrp":
        routes = solve_pyvrp(vertices, dist, args.tours, args.seconds, args.seed, distance_step(args.file))
    else:
        routes = solve_ortools(vertices, dist, args.tours, args.seconds, args.seed)
    elapsed = time.perf_counter() - start
    score = check(vertices, dist, routes, args.tours)
    name = os.path.splitext(os.path.basename(args.file))[0]
    print(json.dumps({"instance": name, "tours": args.tours, "score": score, "routes": routes, "seconds": elapsed, "solver": args.solver}))


if __name__ == "__main__":
    sys.exit(main())
