import Foundation
import GTFS
import Itinerary
import Schedules

/// Reads a TOPTW benchmark instance (Vansteenwegen's text format, as in `Benchmarks/toptw/instances`): vertex lines
/// `i x y d S f a list… O C`, found by their shape (headers vary). Travel time is the Euclidean distance truncated to
/// one decimal (Solomon-based sets) or two (Cordeau-based `pr` files); times are kept in thousandths, exactly.
public enum TOPTWFile {
    /// Thousandths of the file's time unit per unit.
    public static let unitsPerTime: Int64 = 1000

    /// The instance in `path` with `tours` tours; `pr*` files truncate distances to two decimals, others to one.
    public static func read(_ path: String, tours: Int, displayName: String? = nil) throws(ScheduleError)
        -> OrienteeringProblem
    {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ScheduleError(file: name, "cannot read the file; check that it exists and is text")
        }
        let decimals = (path as NSString).lastPathComponent.lowercased().hasPrefix("pr") ? 2 : 1
        return try parse(text, tours: tours, distanceDecimals: decimals, file: name)
    }

    /// Parses instance text; `distanceDecimals` is 1 or 2.
    public static func parse(_ text: String, tours: Int, distanceDecimals: Int, file: String) throws(ScheduleError)
        -> OrienteeringProblem
    {
        var sites: [OrienteeringProblem.Site] = []
        var points: [(x: Int64, y: Int64)] = []
        for (index, line) in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
        ).enumerated() {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard tokens.count >= 9, let listed = Int(tokens[6]), tokens.count == 9 + listed else { continue }
            func number(_ k: Int, _ what: String) throws(ScheduleError) -> Int64 {
                guard let value = thousandths(tokens[k]) else {
                    throw ScheduleError(file: file, line: index + 1, "\(what) '\(tokens[k])' is not a number")
                }
                return value
            }
            guard Int(tokens[0]) == sites.count else {
                throw ScheduleError(
                    file: file, line: index + 1, "vertex \(tokens[0]) where vertex \(sites.count) was expected")
            }
            points.append((try number(1, "x"), try number(2, "y")))
            let open = try number(tokens.count - 2, "opening time")
            let close = try number(tokens.count - 1, "closing time")
            guard open <= close else {
                throw ScheduleError(file: file, line: index + 1, "the time window closes before it opens")
            }
            sites.append(
                OrienteeringProblem.Site(
                    score: Int(try number(4, "score") / unitsPerTime), service: try number(3, "service time"),
                    open: open, close: close))
        }
        guard sites.count >= 2 else {
            throw ScheduleError(file: file, "no vertex lines (i x y d S f a list O C) found; is this a TOPTW instance?")
        }
        let n = sites.count
        var travel = [Int64](repeating: 0, count: n * n)
        let step: Int64 = distanceDecimals >= 2 ? 10 : 100  // thousandths per truncation step
        for a in 0..<n {
            for b in 0..<n where a != b {
                let dx = points[a].x - points[b].x
                let dy = points[a].y - points[b].y
                travel[a * n + b] = squareRoot(dx * dx + dy * dy) / step * step
            }
        }
        return OrienteeringProblem(sites: sites, travel: travel, tours: tours, unitsPerTime: unitsPerTime)
    }

    /// A decimal number in thousandths, exactly (extra decimals are cut off), or nil.
    static func thousandths(_ token: Substring) -> Int64? {
        var text = token
        var negative = false
        if text.first == "-" || text.first == "+" {
            negative = text.first == "-"
            text = text.dropFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts[0].isEmpty ? 0 : Int64(parts[0]), whole >= 0 else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1].prefix(3)
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) || digits.isEmpty,
                let value = digits.isEmpty ? 0 : Int64(digits)
            else { return nil }
            fraction = value * [100, 10, 1][max(0, digits.count - 1)]
            if digits.isEmpty { fraction = 0 }
        }
        let value = whole * 1000 + fraction
        return negative ? -value : value
    }

    /// ⌊√n⌋ for n ≥ 0, exactly.
    static func squareRoot(_ n: Int64) -> Int64 {
        var root = Int64(Double(n).squareRoot())
        while root * root > n { root -= 1 }
        while (root + 1) * (root + 1) <= n { root += 1 }
        return root
    }
}
