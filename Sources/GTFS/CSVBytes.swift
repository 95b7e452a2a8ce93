import Foundation
import Messages

/// Where one field of a CSV record lies in the file's bytes, and how to read it.
struct CSVField: Sendable {
    /// How the field was written.
    enum Form: UInt8, Sendable {
        /// Unquoted, spaces and tabs around it already left out of the range.
        case plain
        /// Quoted, without doubled quotes: the range is the text between the quotes, read as it is.
        case quoted
        /// Quoted with doubled quotes inside or text after the closing quote: the range is the raw field.
        case escaped
    }

    var start: Int
    var end: Int
    var form: Form
}

/// An RFC 4180 scanner over UTF-8 bytes: it finds records and fields without making a string for each field, so that
/// a large `stop_times.txt` is read at the speed of memory. `CSVTable` reads every CSV file through it.
enum CSVBytes {
    /// Calls `record` with each record's first line and its fields (blank lines skipped; a leading byte-order mark
    /// dropped). A quote left open is an error at the line of its record. Always inlined, kept for speed: the caller's
    /// closure is then inlined too, and its variables need no checks of exclusive access at run time (those checks
    /// were 12% of reading a 96,716-row stop_times.txt).
    @inline(__always)
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String,
        _ record: (_ line: Int, _ fields: [CSVField]) throws(InputError) -> Void
    ) throws(InputError) {
        var i = firstByte(bytes)
        var line = 1
        var fields: [CSVField] = []
        fields.reserveCapacity(16)
        while i < bytes.count {
            let recordLine = line
            try next(bytes, at: &i, line: &line, into: &fields, file: file)
            if isBlank(fields) { continue }
            try record(recordLine, fields)
        }
    }

    /// Where the text starts: after a leading byte-order mark, if any.
    static func firstByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Whether a record's fields are those of a blank line (one empty unquoted field), which readers skip.
    static func isBlank(_ fields: some RandomAccessCollection<CSVField>) -> Bool {
        fields.count == 1 && fields.first!.form == .plain && fields.first!.start == fields.first!.end
    }

    /// Reads the record that starts at byte `i` into `fields`, leaving `i` after it and `line` at the line after it. A
    /// quote left open is an error at the record's line.
    static func next(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, line: inout Int, into fields: inout [CSVField],
        file: String
    ) throws(InputError) {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let count = bytes.count
        let recordLine = line
        fields.removeAll(keepingCapacity: true)
        var endOfRecord = false
        while !endOfRecord {
            // One field, from i.
            while i < count && (bytes[i] == space || bytes[i] == tab) { i += 1 }
            if i < count && bytes[i] == quote {
                let open = i
                i += 1
                var escaped = false
                var closed = false
                while i < count {
                    let c = bytes[i]
                    if c == quote {
                        if i + 1 < count && bytes[i + 1] == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == lf { line += 1 }
                    i += 1
                }
                guard closed else {
                    throw InputError(
                        file: file, line: recordLine, Message(.csvQuoteNeverClosed))
                }
                let close = i
                i += 1
                if i < count && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                    // Text after the closing quote belongs to the field, as it is.
                    while i < count && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf { i += 1 }
                    fields.append(CSVField(start: open, end: i, form: .escaped))
                } else {
                    fields.append(
                        escaped
                            ? CSVField(start: open, end: close + 1, form: .escaped)
                            : CSVField(start: open + 1, end: close, form: .quoted))
                }
            } else {
                let start = i
                while i < count {
                    let c = bytes[i]
                    if c == comma || c == cr || c == lf { break }
                    i += 1
                }
                var end = i
                while end > start && (bytes[end - 1] == space || bytes[end - 1] == tab) { end -= 1 }
                fields.append(CSVField(start: start, end: end, form: .plain))
            }
            if i >= count {
                endOfRecord = true
            } else if bytes[i] == comma {
                i += 1
            } else {
                if bytes[i] == cr && i + 1 < count && bytes[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                endOfRecord = true
            }
        }
    }

    /// The text of a field (a plain field also trimmed of other Unicode spaces, as people type them).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        switch field.form {
        case .quoted:
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
        case .plain:
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
            guard field.start < field.end, bytes[field.start] >= 0x80 || bytes[field.end - 1] >= 0x80 else {
                return text
            }
            // `CharacterSet.whitespaces` is tab and the space separators (Zs), which lie between U+0020 and
            // U+3000: asked of the scalar itself, kept for speed (the character set made for each field with a
            // Chinese name, then the general category of every Chinese first or last character, were about 0.5 ms
            // of the benchmark feed's stops.txt and trips.txt).
            func isSpace(_ scalar: Unicode.Scalar) -> Bool {
                scalar == "\t" || scalar == " "
                    || (scalar.value >= 0xA0 && scalar.value <= 0x3000
                        && scalar.properties.generalCategory == .spaceSeparator)
            }
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                isSpace(first) || isSpace(last)
            else { return text }
            return text.trimmingCharacters(in: .whitespaces)
        case .escaped:
            // "a""b"c → a"bc: quotes open and close, doubled quotes inside stand for one.
            var out: [UInt8] = []
            var inside = false
            var k = field.start
            while k < field.end {
                let c = bytes[k]
                if c == UInt8(ascii: "\"") {
                    if inside && k + 1 < field.end && bytes[k + 1] == UInt8(ascii: "\"") {
                        out.append(c)
                        k += 2
                        continue
                    }
                    inside.toggle()
                } else {
                    out.append(c)
                }
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the bytes are all ASCII and free of NUL (then they are UTF-8 text without a check).
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight bytes at a time: any byte ≥ 0x80 sets a high bit, a NUL byte is found by the classic zero-byte test.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Four words a turn, their tests or-ed, kept for speed (half the time on a 3.9 MB stop_times.txt).
            while index + 32 <= count {
                var bad: UInt64 = 0
                for offset in stride(from: 0, to: 32, by: 8) {
                    let word = raw.loadUnaligned(fromByteOffset: index + offset, as: UInt64.self)
                    bad |= word | ((word &- 0x0101_0101_0101_0101) & ~word)
                }
                if bad & 0x8080_8080_8080_8080 != 0 { return false }
                index += 32
            }
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let zero = (word &- 0x0101_0101_0101_0101) & ~word & high
                if word & high != 0 || zero != 0 { return false }
                index += 8
            }
        }
        while index < count {
            if bytes[index] == 0 || bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, keeping the input error's type (`withUTF8` only rethrows).
    mutating func withInputBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(InputError) -> R) throws(InputError)
        -> R
    {
        let result: Result<R, InputError> = withUTF8 { bytes in Result { () throws(InputError) in try body(bytes) } }
        return try result.get()
    }
}
