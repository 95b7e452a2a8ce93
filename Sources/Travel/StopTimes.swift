/// The `stop_times.txt` rows of a network, read and written as `TimetableRecords.StopTimeRow`s but kept as plain
/// entries whose trip, stop and file are numbers into tables of distinct ids.
///
/// Kept for speed: a row of three strings cost a retain per string when read and a release when let go, and a string
/// hash per row when grouped by trip and looked up by stop; on the import benchmark's feed (96,716 rows) the import
/// spent about 12 ms reading rows and 11 ms building trips that way. With plain entries grouping and lookups are by number.
public struct StopTimes: Sendable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// One row: `trip`, `stop` and `file` index `tripIDs`, `stopIDs` and `files`; a time of `Entry.none` is none.
    package struct Entry: Sendable {
        package var trip: Int32
        package var stop: Int32
        package var file: Int32
        package var line: Int32
        package var arrival: Int
        package var departure: Int
        /// `stop_sequence` (checked to be within 0…Int32.max), kept in four bytes so that `closed` fits beside it.
        private var storedSequence: Int32
        /// `Entry.noBoarding` and `Entry.noAlighting`, or 0 for a stop open both ways.
        package var closed: UInt8

        /// An entry (times already `Entry.none` when missing).
        package init(
            trip: Int32, stop: Int32, file: Int32, line: Int32, arrival: Int, departure: Int, sequence: Int,
            closed: UInt8 = 0
        ) {
            self.trip = trip
            self.stop = stop
            self.file = file
            self.line = line
            self.arrival = arrival
            self.departure = departure
            self.storedSequence = Int32(clamping: sequence)
            self.closed = closed
        }

        /// `stop_sequence`.
        package var sequence: Int { Int(storedSequence) }

        /// The time that stands for none (no time of a stop can be this far before midnight).
        package static let none = Int.min
        /// Nobody may get on here (GTFS `pickup_type` 1).
        package static let noBoarding: UInt8 = 1
        /// Nobody may get off here (GTFS `drop_off_type` 1).
        package static let noAlighting: UInt8 = 2
    }

    /// The rows, in order.
    package private(set) var entries: [Entry] = []
    /// The distinct trip ids, numbered in order of first appearance.
    package private(set) var tripIDs: [String] = []
    /// The distinct stop ids, numbered in order of first appearance.
    package private(set) var stopIDs: [String] = []
    /// The files the rows come from.
    package private(set) var files: [String] = []
    private var tripNumbers: [String: Int32] = [:]
    private var stopNumbers: [String: Int32] = [:]
    private var fileNumbers: [String: Int32] = [:]

    /// No rows.
    public init() {}

    /// These rows.
    public init(arrayLiteral rows: TimetableRecords.StopTimeRow...) {
        for row in rows { append(row) }
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }

    /// The row at `index`.
    public subscript(index: Int) -> TimetableRecords.StopTimeRow {
        get {
            let entry = entries[index]
            return TimetableRecords.StopTimeRow(
                tripID: tripIDs[Int(entry.trip)], arrival: entry.arrival == Entry.none ? nil : entry.arrival,
                departure: entry.departure == Entry.none ? nil : entry.departure, stopID: stopIDs[Int(entry.stop)],
                sequence: entry.sequence, source: source(of: entry), mayBoard: entry.closed & Entry.noBoarding == 0,
                mayAlight: entry.closed & Entry.noAlighting == 0)
        }
        set { entries[index] = entry(newValue) }
    }

    /// Adds a row at the end.
    public mutating func append(_ row: TimetableRecords.StopTimeRow) { entries.append(entry(row)) }

    /// Reserves room for `count` rows in all.
    public mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds an entry whose numbers come from this table's `tripNumber`, `stopNumber` and `fileNumber`.
    package mutating func append(_ entry: Entry) { entries.append(entry) }

    /// Adds entries whose numbers come from this table's `tripNumber`, `stopNumber` and `fileNumber`.
    package mutating func append(entries more: [Entry]) {
        if entries.isEmpty { entries = more } else { entries += more }
    }

    /// Adds the rows of `other`, each trip id renamed by `rename`.
    package mutating func append(contentsOf other: StopTimes, renamingTrips rename: (String) -> String) {
        let trips = other.tripIDs.map { tripNumber(rename($0)) }
        let stops = other.stopIDs.map { stopNumber($0) }
        let files = other.files.map { fileNumber($0) }
        entries.reserveCapacity(entries.count + other.entries.count)
        for var entry in other.entries {
            entry.trip = trips[Int(entry.trip)]
            entry.stop = stops[Int(entry.stop)]
            entry.file = files[Int(entry.file)]
            entries.append(entry)
        }
    }

    /// The number of a trip id (a new one when unseen).
    package mutating func tripNumber(_ id: String) -> Int32 { Self.number(id, &tripIDs, &tripNumbers) }

    /// The number of a stop id (a new one when unseen).
    package mutating func stopNumber(_ id: String) -> Int32 { Self.number(id, &stopIDs, &stopNumbers) }

    /// The number of a file (a new one when unseen).
    package mutating func fileNumber(_ file: String) -> Int32 { Self.number(file, &files, &fileNumbers) }

    /// The number of a trip id, nil when no row names it.
    package func existingTripNumber(_ id: String) -> Int32? { tripNumbers[id] }

    /// The file and line of an entry.
    package func source(of entry: Entry) -> SourceLine {
        SourceLine(file: files[Int(entry.file)], line: Int(entry.line))
    }

    private mutating func entry(_ row: TimetableRecords.StopTimeRow) -> Entry {
        Entry(
            trip: tripNumber(row.tripID), stop: stopNumber(row.stopID), file: fileNumber(row.source.file),
            line: Int32(clamping: row.source.line), arrival: row.arrival ?? Entry.none,
            departure: row.departure ?? Entry.none, sequence: row.sequence,
            closed: (row.mayBoard ? 0 : Entry.noBoarding) | (row.mayAlight ? 0 : Entry.noAlighting))
    }

    private static func number(_ id: String, _ ids: inout [String], _ numbers: inout [String: Int32]) -> Int32 {
        // One hash for a new id as for a known one.
        func take(_ number: inout Int32) -> Int32 {
            if number < 0 {
                number = Int32(ids.count)
                ids.append(id)
            }
            return number
        }
        return take(&numbers[id, default: -1])
    }
}
