import Foundation
import Travel

/// Reads `stop_times.txt`, the one large file of a feed, straight from its bytes: times and sequences are parsed
/// without making strings, a trip id is made once for its run of rows and a stop id once per stop. Errors name the
/// file and line as `CSVTable`'s do.
enum StopTimesReader {
    static let columns = ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"]

    /// Appends the rows of `stop_times.txt` (UTF-8 bytes) to `records`.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, into records: inout TimetableRecords
    ) throws(InputError) {
        var header: [String]?
        var at = [Int](repeating: -1, count: columns.count)
        var previousTrip = (start: 0, end: 0)
        var tripID = ""
        var stopIDs = ByteInterner()
        var rows = records.stopTimes
        rows.reserveCapacity(rows.count + bytes.count / 40)
        try CSVBytes.scan(bytes, file: file) { (line, fields) throws(InputError) in
            guard let names = header else {
                let table = try CSVTable(header: fields.map { CSVBytes.string(bytes, $0) }, file: file, line: line)
                try table.require(columns)
                for (k, column) in columns.enumerated() { at[k] = table.header.firstIndex(of: column)! }
                header = table.header
                return
            }
            guard fields.count <= names.count else {
                throw InputError(
                    file: file, line: line,
                    "this row has \(fields.count) fields but the header has \(names.count); quote fields that contain commas"
                )
            }
            func field(_ k: Int) throws(InputError) -> CSVField {
                let index = at[k]
                guard index < fields.count, fields[index].start < fields[index].end else {
                    throw InputError(file: file, line: line, "'\(columns[k])' is empty; every row needs one")
                }
                return fields[index]
            }
            let trip = try field(0)
            if trip.form != .plain || !same(bytes, trip, previousTrip) {
                tripID = CSVBytes.string(bytes, trip)
                previousTrip = trip.form == .plain ? (trip.start, trip.end) : (0, 0)
            }
            let stop = try field(3)
            let stopID = stop.form == .plain ? stopIDs.string(bytes, stop) : CSVBytes.string(bytes, stop)
            func time(_ k: Int) throws(InputError) -> Int? {
                let index = at[k]
                guard index < fields.count, fields[index].start < fields[index].end else { return nil }
                let value = fields[index]
                guard let seconds = value.form == .escaped ? nil : gtfsTime(bytes, value.start, value.end) else {
                    throw InputError(
                        file: file, line: line,
                        "\(columns[k]) '\(CSVBytes.string(bytes, value))' is not H:MM:SS (hours may pass 24)")
                }
                guard seconds <= Timetable.latestTime else {
                    throw InputError(
                        file: file, line: line,
                        "\(columns[k]) '\(CSVBytes.string(bytes, value))' is past \(Timetable.latestTime / 3600):00:00, the latest Tiaoqi reads; times pass 24:00:00 only for a trip that runs over midnight, so fix the time or give the trip the later day's service in calendar.txt"
                    )
                }
                return seconds
            }
            // A stop with only one of its two times stops for no time; one with neither is not a timepoint.
            let arrival = try time(1)
            let departure = try time(2)
            let sequenceField = try field(4)
            var sequence = sequenceField.form == .plain ? digits(bytes, sequenceField.start, sequenceField.end) : nil
            if sequence == nil {
                let text = CSVBytes.string(bytes, sequenceField)
                guard let number = StrictNumber.integer(text), (0...Int(Int32.max)).contains(number) else {
                    throw InputError(
                        file: file, line: line,
                        "'stop_sequence' is '\(text)'; it must be a whole number from 0 to \(Int32.max)")
                }
                sequence = number
            }
            rows.append(
                .init(
                    tripID: tripID, arrival: arrival ?? departure, departure: departure ?? arrival, stopID: stopID,
                    sequence: sequence!, source: SourceLine(file: file, line: line)))
        }
        if header == nil { throw InputError(file: file, line: 1, "the file is empty; it needs a header row") }
        records.stopTimes = rows
    }

    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, _ range: (start: Int, end: Int))
        -> Bool
    {
        let length = field.end - field.start
        guard length == range.end - range.start, length > 0 else { return false }
        return memcmp(bytes.baseAddress! + field.start, bytes.baseAddress! + range.start, length) == 0
    }

    /// A whole number of at most nine digits (so within 0…Int32.max once checked), or nil for anything else.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start, end - start <= 9 else { return nil }
        var value = 0
        for k in start..<end {
            let d = Int(bytes[k]) &- 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Seconds of a GTFS time `H:MM:SS` (hours may pass 24) in bytes; nil when it is not one. The same rules as
    /// `NetworkLoader.gtfsTime`: hours past a million read as a million.
    static func gtfsTime(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 7 else { return nil }
        func digit(_ k: Int) -> Int? {
            let d = Int(bytes[k]) &- 48
            return d >= 0 && d <= 9 ? d : nil
        }
        guard bytes[end - 3] == UInt8(ascii: ":"), bytes[end - 6] == UInt8(ascii: ":"),
            let m1 = digit(end - 5), let m2 = digit(end - 4), let s1 = digit(end - 2), let s2 = digit(end - 1),
            m1 < 6, s1 < 6
        else { return nil }
        var hours = 0
        for k in start..<(end - 6) {
            guard let d = digit(k) else { return nil }
            hours = min(hours * 10 + d, 1_000_000)
        }
        return hours * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2
    }
}

/// Strings for byte ranges, each distinct one made once: a hash table over the bytes.
struct ByteInterner {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var strings: [String] = []
    private var hashes: [UInt64] = []
    private var keys: [UInt8] = []
    private var offsets: [Int] = [0]

    /// The string of a plain field's bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in field.start..<field.end { hash = (hash ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        let length = field.end - field.start
        while slots[slot] >= 0 {
            let entry = Int(slots[slot])
            if hashes[entry] == hash && offsets[entry + 1] - offsets[entry] == length {
                let equal = keys.withUnsafeBufferPointer {
                    memcmp($0.baseAddress! + offsets[entry], bytes.baseAddress! + field.start, length) == 0
                }
                if equal { return strings[entry] }
            }
            slot = (slot + 1) & mask
        }
        let text = CSVBytes.string(bytes, field)
        slots[slot] = Int32(strings.count)
        strings.append(text)
        hashes.append(hash)
        keys.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
        offsets.append(keys.count)
        if strings.count * 2 > slots.count { grow() }
        return text
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
