import Messages
import Travel

/// `frequencies.txt`: a trip run at a headway instead of at its own times. The trip's `stop_times.txt` rows give the
/// times between its stops; it runs at `start_time`, `start_time + headway_secs`, … while before `end_time`, each run
/// a trip of its own (`TRIP@HH:MM:SS`). With `exact_times` 1 these are the timetable's departures; with 0 (or empty)
/// the vehicles come about that often, and Tiaoqi takes the same departures as if they were exact.
enum Frequencies {
    /// The most trips one row of frequencies.txt may make (one a minute for a whole day); a row that makes more is
    /// refused at its line.
    static let mostTripsPerRow = 1_440

    /// Replaces each trip named in `frequencies.txt` by its runs.
    static func expand(_ files: FeedFiles, into records: inout TimetableRecords) throws(InputError) {
        guard
            let table = try files.table(
                "frequencies.txt", required: ["trip_id", "start_time", "end_time", "headway_secs"], optional: true)
        else { return }
        var starts: [String: [(start: Int, source: SourceLine)]] = [:]
        var order: [String] = []
        for row in table.rows {
            let tripID = try table.value(row, "trip_id")
            func time(_ column: String) throws(InputError) -> Int {
                let text = try table.value(row, column)
                guard let seconds = NetworkLoader.gtfsTime(text), seconds <= Timetable.latestTime else {
                    throw InputError(
                        file: table.file, line: row.line,
                        Message(
                            .gtfsFrequencyBadTime,
                            [
                                "column": .text(column), "text": .text(text),
                                "hours": .number(Timetable.latestTime / 3600),
                            ]
                        ))
                }
                return seconds
            }
            let start = try time("start_time")
            let end = try time("end_time")
            let headway = try table.integer(row, "headway_secs", in: 1...86_400)
            if row["exact_times"] != nil { _ = try table.integer(row, "exact_times", in: 0...1) }
            guard start < end else {
                throw InputError(
                    file: table.file, line: row.line,
                    Message(.gtfsFrequencyEndNotAfterStart))
            }
            let count = (end - start + headway - 1) / headway
            guard count <= mostTripsPerRow else {
                throw InputError(
                    file: table.file, line: row.line,
                    Message(.gtfsFrequencyTooManyTrips, ["count": .number(count), "most": .number(mostTripsPerRow)]))
            }
            if starts[tripID] == nil { order.append(tripID) }
            for k in 0..<count {
                starts[tripID, default: []].append(
                    (start + k * headway, SourceLine(file: table.file, line: row.line)))
            }
        }
        guard !starts.isEmpty else { return }
        // The template trips, and the others, which stay: one pass, one lookup per trip.
        var trips: [String: TimetableRecords.TripRow] = [:]
        var newTrips: [TimetableRecords.TripRow] = []
        newTrips.reserveCapacity(records.trips.count)
        for trip in records.trips {
            if starts[trip.id] == nil {
                newTrips.append(trip)
            } else if trips[trip.id] == nil {
                trips[trip.id] = trip
            }
        }
        for tripID in order where trips[tripID] == nil {
            let line = starts[tripID]!.first!.source
            throw InputError(
                file: line.file, line: line.line,
                Message(.gtfsFrequencyTripUnknown, ["trip": .text(tripID)]))
        }
        // The first departure and the latest time of each template trip, by its number in the stop times.
        let stopTimes = records.stopTimes
        var first = [(sequence: Int, departure: Int?)?](repeating: nil, count: stopTimes.tripIDs.count)
        var latest = [(time: Int, stop: Int32)?](repeating: nil, count: stopTimes.tripIDs.count)
        var template = [Bool](repeating: false, count: stopTimes.tripIDs.count)
        for tripID in order {
            if let number = stopTimes.existingTripNumber(tripID) { template[Int(number)] = true }
        }
        for entry in stopTimes.entries where template[Int(entry.trip)] {
            let number = Int(entry.trip)
            let departure = entry.departure == StopTimes.Entry.none ? nil : entry.departure
            let arrival = entry.arrival == StopTimes.Entry.none ? nil : entry.arrival
            if first[number] == nil || entry.sequence < first[number]!.sequence {
                first[number] = (entry.sequence, departure)
            }
            if let time = arrival ?? departure, time > latest[number]?.time ?? Int.min {
                latest[number] = (time, entry.stop)
            }
        }
        // Each template trip gives way to its runs, which read its rows moved to their start.
        for tripID in order {
            let number = stopTimes.existingTripNumber(tripID).map(Int.init)
            guard let number, let firstDeparture = first[number]?.departure else {
                let line = starts[tripID]!.first!.source
                throw InputError(
                    file: line.file, line: line.line,
                    Message(.gtfsFrequencyNoFirstTime, ["trip": .text(tripID)]))
            }
            for (start, source) in starts[tripID]! {
                let shift = start - firstDeparture
                if let last = latest[number], last.time + shift > Timetable.latestTime {
                    throw InputError(
                        file: source.file, line: source.line,
                        Message(
                            .gtfsFrequencyPastLatest,
                            [
                                "time": .text(clock(start)), "stop": .text(stopTimes.stopIDs[Int(last.stop)]),
                                "hours": .number(Timetable.latestTime / 3600),
                            ]))
                }
                var trip = trips[tripID]!
                trip.id = "\(tripID)@\(clock(start))"
                trip.timesOf = tripID
                trip.shift = shift
                newTrips.append(trip)
            }
        }
        records.trips = newTrips
    }

    static func clock(_ seconds: Int) -> String {
        let h = seconds / 3600
        let m = seconds / 60 % 60
        let s = seconds % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
    }
}
