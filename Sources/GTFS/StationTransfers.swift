import Travel

/// A stops.txt row with what grouping by station and resolving transfers need.
struct StopRecord {
    var row: TimetableRecords.StopRow
    /// `location_type`: 0 (or empty) a stop or platform, 1 a station, 2 an entrance, 3 a generic node, 4 a boarding
    /// area.
    var kind: String
    var parent: String?
    var timeZone: String
}

/// transfers.txt as the GTFS reference defines it: a `from_stop_id` or `to_stop_id` that names a station (location_type
/// 1) stands for each of its stops and platforms, and a boarding area (4) for its platform. Where rules overlap, the
/// more specific one counts (stop to stop over stop to station over station to station), and between rules as
/// specific, the shortest time.
enum StationTransfers {
    /// The transfers between stops that the rows mean; a row naming an id that stops.txt does not define, or an
    /// entrance or node, is an error at its line.
    static func resolve(_ rows: [TimetableRecords.TransferRow], stops: [StopRecord]) throws(InputError)
        -> [TimetableRecords.TransferRow]
    {
        guard !rows.isEmpty else { return [] }
        var byID: [String: StopRecord] = [:]
        var children: [String: [String]] = [:]
        for stop in stops {
            if byID[stop.row.id] == nil { byID[stop.row.id] = stop }
            if stop.kind == "0", let parent = stop.parent { children[parent, default: []].append(stop.row.id) }
        }
        /// The stops an id stands for, and whether it is a stop itself (more specific than a station).
        func stopsOf(_ id: String, _ row: TimetableRecords.TransferRow) throws(InputError) -> ([String], Bool) {
            guard let stop = byID[id] else {
                throw InputError(
                    file: row.source.file, line: row.source.line,
                    "'\(id)' is not a stop_id of stops.txt; name a stop, platform or station that stops.txt defines")
            }
            switch stop.kind {
            case "0": return ([id], true)
            case "1": return (children[id] ?? [], false)
            case "4":
                guard let parent = stop.parent, byID[parent]?.kind == "0" else { return ([], true) }
                return ([parent], true)
            default:
                throw InputError(
                    file: row.source.file, line: row.source.line,
                    "'\(id)' is an entrance or node (location_type \(stop.kind)); a transfer is between stops, platforms or stations"
                )
            }
        }
        struct Pair: Hashable {
            var from: String
            var to: String
        }
        var chosen: [Pair: (specificity: Int, row: TimetableRecords.TransferRow)] = [:]
        chosen.reserveCapacity(rows.count * 4)
        var order: [Pair] = []
        for row in rows {
            let (from, fromIsStop) = try stopsOf(row.fromStopID, row)
            let (to, toIsStop) = try stopsOf(row.toStopID, row)
            let specificity = (fromIsStop ? 2 : 0) + (toIsStop ? 1 : 0)
            for a in from {
                for b in to {
                    let pair = Pair(from: a, to: b)
                    var resolved = row
                    resolved.fromStopID = a
                    resolved.toStopID = b
                    guard let known = chosen[pair] else {
                        chosen[pair] = (specificity, resolved)
                        order.append(pair)
                        continue
                    }
                    if specificity > known.specificity {
                        chosen[pair] = (specificity, resolved)
                    } else if specificity == known.specificity, let seconds = row.seconds,
                        seconds < known.row.seconds ?? Int.max
                    {
                        chosen[pair] = (specificity, resolved)
                    }
                }
            }
        }
        return order.map { chosen[$0]!.row }
    }
}
