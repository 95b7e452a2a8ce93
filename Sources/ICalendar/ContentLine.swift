/// One unfolded content line: `NAME;PARAM=VALUE:value`, with the physical line it started on.
public struct ContentLine: Sendable, Hashable {
    /// The property or BEGIN/END name, upper-cased.
    public var name: String
    /// Parameters, names upper-cased, values unquoted.
    public var parameters: [String: String]
    /// The raw value text (escapes not yet removed).
    public var value: String
    /// The 1-based physical line where the content line starts.
    public var line: Int

    /// A content line from its parts.
    public init(name: String, parameters: [String: String] = [:], value: String, line: Int = 0) {
        self.name = name
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The value of a parameter, by case-insensitive name.
    public func parameter(_ name: String) -> String? { parameters[name.uppercased()] }
}

/// Splits iCalendar bytes into content lines (RFC 5545 §3.1), unfolding before decoding UTF-8 so that a fold inside
/// a multi-byte character is harmless.
enum ContentLineReader {
    /// Unfolds and parses; lines that do not parse become diagnostics.
    static func read(_ input: [UInt8]) -> (lines: [ContentLine], diagnostics: [Diagnostic]) {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [ContentLine] = []
        var diagnostics: [Diagnostic] = []
        var current: [UInt8] = []
        var invalidLine: Int?
        var currentLine = 0
        var physical = 0
        var index = 0
        func flush() {
            guard !current.isEmpty else { return }
            guard let text = String(validating: current, as: UTF8.self) else {
                invalidLine = invalidLine ?? currentLine
                current.removeAll(keepingCapacity: true)
                return
            }
            if let parsed = parse(text, line: currentLine) {
                lines.append(parsed)
            } else if !text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                diagnostics.append(Diagnostic(line: currentLine, message: "not a content line (NAME:value): '\(text.prefix(60))'"))
            }
            current.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            // Find the end of this physical line: CRLF, LF, or a lone CR.
            var end = index
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            physical += 1
            let segment = bytes[index..<end]
            if let first = segment.first, first == 0x20 || first == 0x09, !current.isEmpty {
                current.append(contentsOf: segment.dropFirst())
            } else {
                flush()
                current.append(contentsOf: segment)
                currentLine = physical
            }
            if end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A {
                index = end + 2
            } else {
                index = end + 1
            }
        }
        flush()
        if let invalidLine {
            diagnostics.append(Diagnostic(line: invalidLine, message: ContentLineReader.invalidUTF8))
        }
        return (lines, diagnostics)
    }

    static let invalidUTF8 = "not valid UTF-8 text; the feed is in another charset (GB18030?) and must be converted first"


    /// Parses one unfolded line; nil when it has no name or no colon.
    static func parse(_ text: String, line: Int) -> ContentLine? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-")
        }
        while i < scalars.count && isNameScalar(scalars[i]) { i += 1 }
        guard i > 0, i < scalars.count else { return nil }
        let name = String(String.UnicodeScalarView(scalars[0..<i])).uppercased()
        var parameters: [String: String] = [:]
        while i < scalars.count && scalars[i] == ";" {
            i += 1
            let nameStart = i
            while i < scalars.count && isNameScalar(scalars[i]) { i += 1 }
            guard i > nameStart, i < scalars.count, scalars[i] == "=" else { return nil }
            let parameterName = String(String.UnicodeScalarView(scalars[nameStart..<i])).uppercased()
            i += 1
            var values: [String] = []
            while true {
                var value = String.UnicodeScalarView()
                if i < scalars.count && scalars[i] == "\"" {
                    i += 1
                    while i < scalars.count && scalars[i] != "\"" { value.append(scalars[i]); i += 1 }
                    guard i < scalars.count else { return nil }
                    i += 1
                } else {
                    while i < scalars.count && scalars[i] != ";" && scalars[i] != ":" && scalars[i] != "," {
                        value.append(scalars[i])
                        i += 1
                    }
                }
                values.append(String(value))
                if i < scalars.count && scalars[i] == "," { i += 1 } else { break }
            }
            parameters[parameterName] = values.joined(separator: ",")
        }
        guard i < scalars.count, scalars[i] == ":" else { return nil }
        let value = String(String.UnicodeScalarView(scalars[(i + 1)...]))
        return ContentLine(name: name, parameters: parameters, value: value, line: line)
    }
}
