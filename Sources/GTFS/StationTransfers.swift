import Messages
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
/// specific, the shortest time. A rule for particular trips or routes only lengthens or forbids a change.
enum StationTransfers {
    /// The transfers between stops that the rows mean; a row naming an id that stops.txt does not define, or an
    /// entrance or node, is an error at its line.
    static func resolve(_ rows: [TimetableRecords.TransferRow], stops: [StopRecord]) throws(InputError)
        -> [TimetableRecords.TransferRow]
    {
        guard !rows.isEmpty else { return [] }
        // Stops are numbered by their first row in stops.txt, and pairs of them kept by number: kept for speed, as
        // pairs of strings hashed for each of the 4,000 pairs a 1,000-row transfers.txt of stations makes took about
        // 2.5 ms of a 4,752-trip import.
        var byID: [String: Int] = [:]
        byID.reserveCapacity(stops.count)
        var children: [String: [Int]] = [:]
        for (index, stop) in stops.enumerated() where byID[stop.row.id] == nil { byID[stop.row.id] = index }
        for stop in stops where stop.kind == "0" {
            if let parent = stop.parent { children[parent, default: []].append(byID[stop.row.id]!) }
        }
        /// The stops an id stands for, and whether it is a stop itself (more specific than a station).
        func stopsOf(_ id: String, _ row: TimetableRecords.TransferRow) throws(InputError) -> ([Int], Bool) {
            guard let number = byID[id] else {
                throw InputError(
                    file: row.source.file, line: row.source.line,
                    Message(.gtfsTransferNotStop, ["id": .text(id)]))
            }
            let kind = stops[number].kind
            switch kind {
            case "0": return ([number], true)
            case "1": return (children[id] ?? [], false)
            case "4":
                guard let parent = stops[number].parent, let platform = byID[parent], stops[platform].kind == "0" else {
                    return ([], true)
                }
                return ([platform], true)
            default:
                throw InputError(
                    file: row.source.file, line: row.source.line,
                    Message(.gtfsTransferEntrance, ["id": .text(id), "kind": .text(kind)]))
            }
        }
        var position: [Int: Int] = [:]  // from * stops.count + to → place in `chosen`
        position.reserveCapacity(rows.count * 4)
        var chosen: [(specificity: Int, row: TimetableRecords.TransferRow)] = []
        // Rules for every service first; then those for particular trips or routes, which may only make a change
        // slower (the longer minimum) or impossible, never quicker or possible where another rule forbids it.
        for row in rows.filter({ !$0.particular }) + rows.filter(\.particular) {
            let (from, fromIsStop) = try stopsOf(row.fromStopID, row)
            let (to, toIsStop) = try stopsOf(row.toStopID, row)
            let specificity = (fromIsStop ? 2 : 0) + (toIsStop ? 1 : 0)
            for a in from {
                for b in to {
                    var resolved = row
                    resolved.fromStopID = stops[a].row.id
                    resolved.toStopID = stops[b].row.id
                    let key = a * stops.count + b
                    guard let place = position[key] else {
                        position[key] = chosen.count
                        chosen.append((specificity, resolved))
                        continue
                    }
                    let known = chosen[place]
                    if row.particular {
                        chosen[place].row.seconds = row.seconds.flatMap { seconds in
                            known.row.seconds.map { max($0, seconds) }
                        }
                    } else if specificity > known.specificity {
                        chosen[place] = (specificity, resolved)
                    } else if specificity == known.specificity, let seconds = row.seconds,
                        seconds < known.row.seconds ?? Int.max
                    {
                        chosen[place] = (specificity, resolved)
                    }
                }
            }
        }
        return chosen.map(\.row)
    }
}
