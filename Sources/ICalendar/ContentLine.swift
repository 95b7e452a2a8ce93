import Messages

/// One unfolded content line: `NAME;PARAM=VALUE:value`, with the physical line it started on.
public struct ContentLine: Sendable, Hashable {
    /// A parameter, name upper-cased, value unquoted (several values joined by commas).
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// The property or BEGIN/END name, upper-cased.
    public var name: String { didSet { known = PropertyName.of(name) } }
    /// Parameters in the order written.
    public var parameters: [Parameter]
    /// The raw value text (escapes not yet removed).
    public var value: String
    /// The 1-based physical line where the content line starts.
    public var line: Int
    /// The name, when it is one the reader acts on.
    private(set) var known: PropertyName

    /// A content line from its parts; parameters are written sorted by name.
    public init(name: String, parameters: [String: String] = [:], value: String, line: Int = 0) {
        self.name = name
        self.parameters = parameters.keys.sorted().map { Parameter(name: $0, value: parameters[$0]!) }
        self.value = value
        self.line = line
        self.known = PropertyName.of(name)
    }

    init(name: String, known: PropertyName, parameters: [Parameter], value: String, line: Int) {
        self.name = name
        self.known = known
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The value of a parameter, by case-insensitive name.
    public func parameter(_ name: String) -> String? {
        if parameters.isEmpty { return nil }
        return parameter(upperCased: name.uppercased())
    }

    /// The value of a parameter whose name is given upper-cased.
    func parameter(upperCased name: String) -> String? {
        for parameter in parameters where parameter.name == name { return parameter.value }
        return nil
    }

    /// The TZID parameter.
    var tzid: String? { parameter(upperCased: "TZID") }

    /// The value read as TEXT (RFC 5545 §3.3.11): its escapes removed.
    public var textValue: String { TextValue.unescape(value) }
}

/// Splits iCalendar bytes into content lines (RFC 5545 §3.1), unfolding before decoding UTF-8 so that a fold inside
/// a multi-byte character is harmless. Works on raw bytes: strings are made only for names, parameters and values.
enum ContentLineReader {
    static let invalidUTF8 = Message(.icsInvalidUTF8)

    /// Unfolds and parses, handing each content line to `take` as soon as it is read.
    static func read(_ input: [UInt8], take: (consuming ContentLine) -> Void) -> [Diagnostic] {
        input.withUnsafeBufferPointer { buffer in
            var diagnostics: [Diagnostic] = []
            var invalidLine: Int?
            var folded: [UInt8] = []
            var index = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var physical = 0
            let count = buffer.count

            /// The end of the physical line starting at `from`, and where the next one starts.
            func lineEnd(_ from: Int) -> (end: Int, next: Int) {
                var end = from
                while end < count && buffer[end] != 0x0A && buffer[end] != 0x0D { end += 1 }
                if end < count && buffer[end] == 0x0D && end + 1 < count && buffer[end + 1] == 0x0A {
                    return (end, end + 2)
                }
                return (end, min(count, end + 1))
            }

            while index < count {
                let first = lineEnd(index)
                physical += 1
                let startLine = physical
                var next = first.next
                var parsed: Outcome
                if next < count && (buffer[next] == 0x20 || buffer[next] == 0x09) {
                    folded.removeAll(keepingCapacity: true)
                    folded.append(contentsOf: buffer[index..<first.end])
                    while next < count && (buffer[next] == 0x20 || buffer[next] == 0x09) {
                        let piece = lineEnd(next)
                        physical += 1
                        folded.append(contentsOf: buffer[(next + 1)..<piece.end])
                        next = piece.next
                    }
                    parsed = folded.withUnsafeBufferPointer { parse($0, 0, $0.count, line: startLine) }
                } else {
                    parsed = parse(buffer, index, first.end, line: startLine)
                }
                switch parsed {
                case .line(let line): take(line)
                case .blank: break
                case .invalidUTF8: invalidLine = invalidLine ?? startLine
                case .malformed(let text):
                    diagnostics.append(
                        Diagnostic(
                            line: startLine, Message(.icsNotContentLine, ["text": .text(String(text.prefix(60)))])))
                }
                index = next
            }
            if let invalidLine { diagnostics.append(Diagnostic(line: invalidLine, invalidUTF8)) }
            return diagnostics
        }
    }

    enum Outcome {
        case line(ContentLine)
        case blank, invalidUTF8
        case malformed(String)
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
    }

    static func upperASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(unsafeUninitializedCapacity: to - from) { target in
            for k in from..<to {
                let b = bytes[k]
                target[k - from] = (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
            }
            return to - from
        }
    }

    /// Parses one unfolded line held in `bytes[from..<to]`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, line: Int) -> Outcome {
        var i = from
        while i < to && isNameByte(bytes[i]) { i += 1 }
        guard i > from, i < to else {
            var k = from
            while k < to && (bytes[k] == 0x20 || bytes[k] == 0x09) { k += 1 }
            if k == to { return .blank }
            guard let text = UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[from..<to])) else {
                return .invalidUTF8
            }
            return .malformed(text)
        }
        let name = upperASCII(bytes, from, i)
        let known = PropertyName.of(bytes, from, i)
        var parameters: [ContentLine.Parameter] = []
        func malformed() -> Outcome {
            guard let text = UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[from..<to])) else {
                return .invalidUTF8
            }
            return .malformed(text)
        }
        while i < to && bytes[i] == 0x3B {  // ;
            i += 1
            let nameStart = i
            while i < to && isNameByte(bytes[i]) { i += 1 }
            guard i > nameStart, i < to, bytes[i] == 0x3D else { return malformed() }  // =
            let parameterName = upperASCII(bytes, nameStart, i)
            i += 1
            var values = ""
            var valueCount = 0
            while true {
                var valueStart = i
                var valueEnd = i
                if i < to && bytes[i] == 0x22 {  // "
                    i += 1
                    valueStart = i
                    while i < to && bytes[i] != 0x22 { i += 1 }
                    guard i < to else { return malformed() }
                    valueEnd = i
                    i += 1
                } else {
                    while i < to && bytes[i] != 0x3B && bytes[i] != 0x3A && bytes[i] != 0x2C { i += 1 }
                    valueEnd = i
                }
                guard let value = UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])) else {
                    return .invalidUTF8
                }
                if valueCount == 0 { values = value } else { values += "," + value }
                valueCount += 1
                if i < to && bytes[i] == 0x2C { i += 1 } else { break }
            }
            let parameter = ContentLine.Parameter(name: parameterName, value: values)
            parameters.append(parameter)
        }
        guard i < to, bytes[i] == 0x3A else { return malformed() }  // :
        guard let value = UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<to])) else {
            return .invalidUTF8
        }
        return .line(ContentLine(name: name, known: known, parameters: parameters, value: value, line: line))
    }
}

/// UTF-8 decoding that refuses malformed input, without the generic machinery of `String(validating:)`.
enum UTF8Text {
    /// The text of `bytes`, or nil when they are not well-formed UTF-8 (RFC 3629: no overlongs, no surrogates).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var i = 0
        let n = bytes.count
        // ASCII eight bytes at a time first: most of a calendar is ASCII.
        if let base = bytes.baseAddress {
            while i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return nil
            }
            guard i + length <= n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return nil }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return nil }
            i += length
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
