import Foundation
import Messages
import Travel

/// Reads `stop_times.txt`, the one large file of a feed, straight from its bytes: times and sequences are parsed
/// without making strings, a trip id is made once for its run of rows and a stop id once per stop. Errors name the
/// file and line as `CSVTable`'s do.
enum StopTimesReader {
    static let columns = ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"]
    /// The optional columns read: whether people may get on and off (0 or empty regular, 1 none, 2 phone the
    /// agency, 3 arrange with the driver; only 1 closes the stop, the others can be arranged).
    static let boardingColumns = ["pickup_type", "drop_off_type"]

    /// Appends the rows of `stop_times.txt` (UTF-8 bytes) to `records`.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, into records: inout TimetableRecords
    ) throws(InputError) {
        var rows = records.stopTimes
        records.stopTimes = StopTimes()
        let count = bytes.count
        var i = CSVBytes.firstByte(bytes)
        var line = 1
        var fields: [CSVField] = []
        var header: [String]?
        while i < count && header == nil {
            let recordLine = line
            try CSVBytes.next(bytes, at: &i, line: &line, into: &fields, file: file)
            if CSVBytes.isBlank(fields) { continue }
            let table = try CSVTable(header: fields.map { CSVBytes.string(bytes, $0) }, file: file, line: recordLine)
            try table.require(columns)
            header = table.header
        }
        guard let header else { throw InputError(file: file, line: 1, Message(.csvEmptyFile)) }
        var reader = Rows(
            bytes: bytes, file: file, fileNumber: rows.fileNumber(file), width: header.count,
            at: columns.map { header.firstIndex(of: $0)! },
            boardingAt: boardingColumns.map { header.firstIndex(of: $0) })
        // Kept for speed: a line of unquoted fields without spaces or tabs (nearly every line of a feed) is split here
        // into a buffer, in one pass over its bytes; any other line is read by `CSVBytes.next`, which reads it the
        // same way or tells what is wrong. Splitting every line through `CSVBytes.scan` into an array of fields and a
        // closure was about 5 ms of reading a 96,716-row stop_times.txt.
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let quick = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: header.count + 1)
        defer { quick.deallocate() }
        while i < count {
            let recordLine = line
            var k = 0
            var j = i
            var simple = true
            var newline = false
            while true {
                let start = j
                var c = lf
                while j < count {
                    c = bytes[j]
                    if c <= comma && (c == comma || c == lf || c == cr || c == quote || c == space || c == tab) {
                        break
                    }
                    j += 1
                }
                guard k <= header.count, j == count || c == comma || c == lf || c == cr else {
                    simple = false
                    break
                }
                quick[k] = CSVField(start: start, end: j, form: .plain)
                k += 1
                if j == count { break }
                if c == comma {
                    j += 1
                    continue
                }
                if c == cr && j + 1 < count && bytes[j + 1] == lf { j += 1 }
                j += 1
                newline = true
                break
            }
            if simple {
                i = j
                if newline { line += 1 }
                if k == 1 && quick[0].start == quick[0].end { continue }
                try reader.row(recordLine, UnsafeBufferPointer(rebasing: quick[0..<k]), into: &rows)
            } else {
                try CSVBytes.next(bytes, at: &i, line: &line, into: &fields, file: file)
                if CSVBytes.isBlank(fields) { continue }
                let result: Result<Void, InputError> = fields.withUnsafeBufferPointer { fields in
                    Result { () throws(InputError) in try reader.row(recordLine, fields, into: &rows) }
                }
                try result.get()
            }
        }
        rows.append(entries: reader.entries)
        records.stopTimes = rows
    }

    /// Turns split lines of stop_times.txt into rows.
    private struct Rows {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        let fileNumber: Int32
        /// The columns of the header.
        let width: Int
        /// The field of each of `columns`.
        let at: [Int]
        /// The field of each of `boardingColumns`, nil where the file lacks it.
        let boardingAt: [Int?]
        var previousTrip = (start: 0, end: 0)
        var tripNumber: Int32 = 0
        var stopNumbers = ByteInterner()
        /// The rows read, kept here until the end (appending to a local array is inlined, kept for speed).
        var entries: [StopTimes.Entry] = []

        init(
            bytes: UnsafeBufferPointer<UInt8>, file: String, fileNumber: Int32, width: Int, at: [Int],
            boardingAt: [Int?]
        ) {
            self.bytes = bytes
            self.file = file
            self.fileNumber = fileNumber
            self.width = width
            self.at = at
            self.boardingAt = boardingAt
            entries.reserveCapacity(bytes.count / 32)
        }

        /// Adds the row of a record's fields to `rows`, or the error at its line.
        mutating func row(_ line: Int, _ fields: UnsafeBufferPointer<CSVField>, into rows: inout StopTimes)
            throws(InputError)
        {
            guard fields.count <= width else {
                throw InputError(
                    file: file, line: line,
                    Message(.csvTooManyFields, ["count": .number(fields.count), "width": .number(width)]))
            }
            let bytes = bytes
            let file = file
            let at = at
            func field(_ k: Int) throws(InputError) -> CSVField {
                let index = at[k]
                guard index < fields.count, fields[index].start < fields[index].end else {
                    throw InputError(
                        file: file, line: line, Message(.csvEmptyField, ["column": .text(columns[k])]))
                }
                return fields[index]
            }
            let trip = try field(0)
            if trip.form != .plain || !same(bytes, trip, previousTrip) {
                tripNumber = rows.tripNumber(CSVBytes.string(bytes, trip))
                previousTrip = trip.form == .plain ? (trip.start, trip.end) : (0, 0)
            }
            let stop = try field(3)
            let stopNumber =
                stop.form == .plain
                ? stopNumbers.number(bytes, stop) { rows.stopNumber(CSVBytes.string(bytes, stop)) }
                : rows.stopNumber(CSVBytes.string(bytes, stop))
            func time(_ k: Int) throws(InputError) -> Int? {
                let index = at[k]
                guard index < fields.count, fields[index].start < fields[index].end else { return nil }
                let value = fields[index]
                guard let seconds = value.form == .escaped ? nil : gtfsTime(bytes, value.start, value.end) else {
                    throw InputError(
                        file: file, line: line,
                        Message(
                            .gtfsTimeNotHMS,
                            ["column": .text(columns[k]), "text": .text(CSVBytes.string(bytes, value))]))
                }
                guard seconds <= Timetable.latestTime else {
                    throw InputError(
                        file: file, line: line,
                        Message(
                            .gtfsTimePastLatest,
                            [
                                "column": .text(columns[k]), "text": .text(CSVBytes.string(bytes, value)),
                                "hours": .number(Timetable.latestTime / 3600),
                            ]))
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
                        CSVTable.notInteger("stop_sequence", text, 0...Int(Int32.max)))
                }
                sequence = number
            }
            /// Whether the field of `boardingColumns[k]` says nobody may (1); 0, 2, 3 and empty say people may.
            func closed(_ k: Int) throws(InputError) -> Bool {
                guard let index = boardingAt[k], index < fields.count else { return false }
                let value = fields[index]
                let length = value.end - value.start
                if length == 0 { return false }
                if length == 1 && value.form == .plain, case let d = Int(bytes[value.start]) &- 48, (0...3).contains(d)
                {
                    return d == 1
                }
                let text = CSVBytes.string(bytes, value)
                guard let number = StrictNumber.integer(text), (0...3).contains(number) else {
                    throw InputError(
                        file: file, line: line, CSVTable.notInteger(boardingColumns[k], text, 0...3))
                }
                return number == 1
            }
            let rules =
                (try closed(0) ? StopTimes.Entry.noBoarding : 0) | (try closed(1) ? StopTimes.Entry.noAlighting : 0)
            entries.append(
                StopTimes.Entry(
                    trip: tripNumber, stop: stopNumber, file: fileNumber, line: Int32(clamping: line),
                    arrival: arrival ?? departure ?? StopTimes.Entry.none,
                    departure: departure ?? arrival ?? StopTimes.Entry.none, sequence: sequence!, closed: rules))
        }
    }

    /// Whether a field holds the same bytes as an earlier one.
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, _ range: (start: Int, end: Int))
        -> Bool
    {
        let length = field.end - field.start
        guard length == range.end - range.start, length > 0 else { return false }
        // Up to sixteen bytes (a trip id, mostly) compared as two words in place, kept for speed (a memcmp call per
        // row was 4% of reading a 96,716-row stop_times.txt).
        if length <= 16, field.start + 16 <= bytes.count, range.start + 16 <= bytes.count {
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            let a0 = raw.loadUnaligned(fromByteOffset: field.start, as: UInt64.self)
            let b0 = raw.loadUnaligned(fromByteOffset: range.start, as: UInt64.self)
            let a1 = raw.loadUnaligned(fromByteOffset: field.start + 8, as: UInt64.self)
            let b1 = raw.loadUnaligned(fromByteOffset: range.start + 8, as: UInt64.self)
            // The bytes past the length differ freely: compare only the first `length` (the lowest bytes first).
            let mask0: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) - 1
            let mask1: UInt64 = length >= 16 ? ~0 : length <= 8 ? 0 : (1 << UInt64(8 * (length - 8))) - 1
            return UInt64(littleEndian: a0 ^ b0) & mask0 == 0 && UInt64(littleEndian: a1 ^ b1) & mask1 == 0
        }
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
    @inline(__always)
    static func gtfsTime(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        // HH:MM:SS, nearly every time of a feed, is checked and read as one eight-byte word, kept for speed (a byte
        // at a time it was about 0.8 ms of reading a 96,716-row stop_times.txt); anything else is read below.
        if end - start == 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
            // Little-endian: the first byte is the lowest. Colons at bytes 2 and 5, digits (0x30–0x39) elsewhere.
            let shape: UInt64 = 0xF0F0_FFF0_F0FF_F0F0
            let expected: UInt64 = 0x3030_3A30_303A_3030
            let low = word & 0x0F0F_000F_0F00_0F0F
            if word & shape == expected && (low &+ 0x0606_0006_0600_0606) & 0xF0F0_00F0_F000_F0F0 == 0 {
                func digit(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (low >> (8 * k)) & 0xF) }
                let (m1, s1) = (digit(3), digit(6))
                guard m1 < 6, s1 < 6 else { return nil }
                return (digit(0) * 10 + digit(1)) * 3600 + (m1 * 10 + digit(4)) * 60 + s1 * 10 + digit(7)
            }
        }
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

/// Numbers for byte ranges, each distinct one numbered once: a hash table over the bytes, so that a stop id is hashed
/// as bytes, without a string, on each of its rows.
struct ByteInterner {
    /// A place of the table: a key's hash, where its bytes lie in `keys`, and its number (-1: empty).
    private struct Slot {
        var hash: UInt64 = 0
        var offset = 0
        var length = 0
        var number: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var used = 0
    /// The keys one after the other, and eight zero bytes after the last (so that eight bytes may be read anywhere).
    private var keys = [UInt8](repeating: 0, count: 8)

    /// The number of a plain field's bytes: the one `make` gave the first time these bytes came.
    mutating func number(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, _ make: () -> Int32) -> Int32 {
        // Kept for speed: hashed and compared eight bytes at a time in place, each place of the table holding all it
        // needs (a byte-at-a-time hash, a memcmp call per row and four arrays were 15% of reading a 96,716-row
        // stop_times.txt).
        let base = bytes.baseAddress! + field.start
        let limit = bytes.baseAddress! + bytes.count
        let length = field.end - field.start
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(length)
        var k = 0
        while k < length {
            hash = (hash ^ Self.word(base + k, length - k, limit)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            k += 8
        }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let slot = slots[index]
            if slot.number < 0 { break }
            if slot.hash == hash && slot.length == length {
                let equal = keys.withUnsafeBufferPointer { (keys) -> Bool in
                    let key = keys.baseAddress! + slot.offset
                    let end = keys.baseAddress! + keys.count
                    var k = 0
                    while k < length {
                        if Self.word(key + k, length - k, end) != Self.word(base + k, length - k, limit) {
                            return false
                        }
                        k += 8
                    }
                    return true
                }
                if equal { return slot.number }
            }
            index = (index + 1) & mask
        }
        let number = make()
        keys.removeLast(8)
        let offset = keys.count
        keys.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
        keys.append(contentsOf: repeatElement(0, count: 8))
        slots[index] = Slot(hash: hash, offset: offset, length: length, number: number)
        used += 1
        if used * 2 > slots.count { grow() }
        return number
    }

    /// Up to eight bytes from `at` (fewer when `left` is less), as one number; `limit` is where the bytes end.
    @inline(__always)
    private static func word(_ at: UnsafePointer<UInt8>, _ left: Int, _ limit: UnsafePointer<UInt8>) -> UInt64 {
        if at + 8 <= limit {
            let value = UInt64(littleEndian: UnsafeRawPointer(at).loadUnaligned(as: UInt64.self))
            return left >= 8 ? value : value & ((1 << UInt64(8 * left)) - 1)
        }
        var value: UInt64 = 0
        for k in 0..<min(left, 8) { value |= UInt64(at[k]) << UInt64(8 * k) }
        return value
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.number >= 0 {
            var index = Int(truncatingIfNeeded: slot.hash ^ (slot.hash >> 29)) & mask
            while slots[index].number >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
