import Foundation

/// Lines in JSON text, which `JSONDecoder` does not give: where the first syntax error is, and where the value at a
/// coding path starts.
struct JSONLines {
    /// Deepest nesting of arrays and objects read (a plan is about six deep); deeper is refused, not recursed into.
    static let maximumDepth = 256

    /// A syntax error: its byte offset and what is wrong.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private let target: [String]?
    private(set) var targetOffset: Int?

    private init(_ bytes: [UInt8], target: [String]?) {
        self.bytes = bytes
        self.target = target
    }

    /// The first syntax error of `text` as (line, message), or nil when it is well-formed JSON.
    static func syntaxError(in text: String) -> (line: Int, message: String)? {
        var reader = JSONLines(Array(text.utf8), target: nil)
        do throws(Failure) {
            try reader.document()
            return nil
        } catch {
            return (reader.line(at: error.offset), error.message)
        }
    }

    /// The line where the value at `path` starts (keys as written, or as camelCase coding keys; `[n]` indexes as
    /// numbers), or nil when it is not there.
    static func line(of path: [String], in text: String) -> Int? {
        var reader = JSONLines(Array(text.utf8), target: path.map(normalized))
        try? reader.document()
        return reader.targetOffset.map { reader.line(at: $0) }
    }

    /// A key without case and underscores, so `left_out` in the file matches the coding key `leftOut`.
    private static func normalized(_ key: String) -> String { key.lowercased().replacingOccurrences(of: "_", with: "") }

    private func line(at offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private mutating func document() throws(Failure) {
        try value(path: [])
        skipSpace()
        guard index == bytes.count else {
            throw Failure(offset: index, message: "there is more after the end of the JSON value")
        }
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func describe() -> String {
        guard index < bytes.count else { return "the file ends too soon (a missing ] or }?)" }
        let scalar = Unicode.Scalar(bytes[index])
        return bytes[index] < 0x80 ? "unexpected '\(Character(scalar))'" : "unexpected byte"
    }

    private mutating func value(path: [String]) throws(Failure) {
        skipSpace()
        if let target, target == path, targetOffset == nil { targetOffset = index }
        guard path.count <= Self.maximumDepth else {
            throw Failure(offset: index, message: "nested deeper than \(Self.maximumDepth) levels")
        }
        guard index < bytes.count else {
            throw Failure(offset: index, message: "the file ends where a value should be")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw Failure(
                        offset: index,
                        message: "\(describe()) where a key in double quotes should be (a trailing comma?)")
                }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw Failure(offset: index, message: "\(describe()) where ':' should follow the key")
                }
                index += 1
                try value(path: path + [Self.normalized(key)])
                skipSpace()
                guard index < bytes.count else {
                    throw Failure(offset: index, message: "the file ends inside an object (a missing }?)")
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                guard bytes[index] == UInt8(ascii: ",") else {
                    throw Failure(offset: index, message: "\(describe()) where ',' or '}' should be (a missing comma?)")
                }
                index += 1
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            var count = 0
            while true {
                try value(path: path + ["[\(count)]"])
                count += 1
                skipSpace()
                guard index < bytes.count else {
                    throw Failure(offset: index, message: "the file ends inside a list (a missing ]?)")
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                guard bytes[index] == UInt8(ascii: ",") else {
                    throw Failure(offset: index, message: "\(describe()) where ',' or ']' should be (a missing comma?)")
                }
                index += 1
            }
        case UInt8(ascii: "\""):
            _ = try string()
        default:
            for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return
            }
            try number()
        }
    }

    private mutating func string() throws(Failure) -> String {
        let start = index
        index += 1
        var content: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: content, as: UTF8.self)
            }
            if byte < 0x20 {
                throw Failure(
                    offset: index,
                    message: "a line break or control character inside a string (a missing closing quote?)")
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count, "\"\\/bfnrtu".utf8.contains(bytes[index]) else {
                    throw Failure(offset: index, message: "a bad escape after '\\' in a string")
                }
            }
            content.append(bytes[index])
            index += 1
        }
        throw Failure(offset: start, message: "a string that never ends (a missing closing quote)")
    }

    private mutating func number() throws(Failure) {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - from
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digits() > 0 else {
            index = start
            throw Failure(
                offset: start, message: "\(describe()) where a value should be (a string needs double quotes)")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Failure(offset: index, message: "a number with no digits after its point") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard digits() > 0 else { throw Failure(offset: index, message: "a number with no digits in its exponent") }
        }
    }
}
