import Foundation
import Messages

/// The encoding of a text input file, as `encoding:` in plan.yaml declares it.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8 (a leading byte-order mark dropped).
    case utf8 = "utf-8"
    /// GB18030, as Excel saves CSV on a Chinese Windows.
    case gb18030 = "gb18030"
    /// GBK, a subset of GB18030: decoded as GB18030.
    case gbk = "gbk"

    /// The encoding a value of `encoding:` names (any case), or nil.
    public init?(declared: String) { self.init(rawValue: declared.lowercased()) }
}

/// GB18030 (and so GBK) bytes to text, through Foundation (which decodes all of GB18030 on Linux, four-byte
/// sequences included), as `FeedResponse` converts a GB18030 feed body.
public enum GB18030 {
    /// Foundation's GB18030 encoding (`CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`).
    public static let encoding = String.Encoding(rawValue: 0x8000_0632)

    /// The text of `bytes`, or nil when they are not GB18030 (a bad or cut-off sequence).
    public static func decode(_ bytes: some Collection<UInt8>) -> String? {
        if bytes.isEmpty { return "" }
        return String(data: Data(bytes), encoding: encoding)
    }

    /// The 1-based line of the first line of `bytes` that is not GB18030 (a newline byte is never part of a
    /// multi-byte sequence, so lines decode alone), or nil when every line decodes.
    public static func firstBadLine(_ bytes: [UInt8]) -> Int? {
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where decode(line) == nil {
            return index + 1
        }
        return nil
    }
}

/// The text of an input file (plan.yaml, a CSV file): UTF-8, or GB18030 when declared or detected; anything else is
/// refused at the line of the first byte that is not.
public enum InputText {
    /// Text read from a file, with the encoding it was read in.
    public struct Decoded: Sendable {
        /// The text.
        public var text: String
        /// The encoding the bytes were read in (`.utf8` or `.gb18030`).
        public var encoding: TextEncoding
        /// True when nothing declared the encoding and the bytes, not UTF-8, were read as GB18030.
        public var detected: Bool
        /// True when the file was declared GB18030 but its bytes are UTF-8 text with characters beyond ASCII (so it
        /// has probably been saved again as UTF-8, and reads garbled as GB18030).
        public var declaredButUTF8: Bool
    }

    /// Reads `path` as `encoding` (nil: detected, UTF-8 else GB18030); `shown` is how errors name the file.
    public static func read(_ path: String, shown: String? = nil, encoding: TextEncoding?) throws(InputError)
        -> Decoded
    {
        let name = shown ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, Message(.fileUnreadable))
        }
        return try decode(data, file: name, encoding: encoding)
    }

    /// Decodes `data` as `encoding`, or, when nil, as UTF-8 if it is UTF-8 (with or without a byte-order mark), else
    /// as GB18030 if it is that (`detected`). A UTF-8 byte-order mark always means UTF-8. Bytes that are neither (or
    /// not the declared encoding), UTF-16 or NUL bytes are an error at the line where they start.
    public static func decode(_ data: Data, file: String, encoding: TextEncoding?) throws(InputError) -> Decoded {
        let bytes = [UInt8](data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if bom || (encoding != .gb18030 && encoding != .gbk) {
            if encoding == nil, !bom, !bytes.contains(0), String(validating: bytes, as: UTF8.self) == nil,
                let text = GB18030.decode(bytes)
            {
                return Decoded(text: text, encoding: .gb18030, detected: true, declaredButUTF8: false)
            }
            do {
                let text = try decode(data, file: file, notUTF8: encoding == .utf8 ? notDeclared : neither)
                return Decoded(text: text, encoding: .utf8, detected: false, declaredButUTF8: false)
            } catch {
                // Neither: when the lines before the bad one read as GB18030 further than as UTF-8, blame that line.
                if encoding == nil, !bom, !bytes.contains(0), let line = GB18030.firstBadLine(bytes),
                    line > error.line ?? 1
                {
                    throw InputError(
                        file: file, line: line,
                        Message(.textLineNeither))
                }
                throw error
            }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                file: file, line: 1, Message(.textUTF16))
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(
                file: file, line: bytes[..<nul].count(where: { $0 == 0x0A }) + 1,
                Message(.problemAndRemedy, ["problem": .word(.textNUL), "remedy": .word(.textMustBeText)]))
        }
        guard let text = GB18030.decode(bytes) else {
            if String(validating: bytes, as: UTF8.self) != nil {
                throw InputError(
                    file: file, line: GB18030.firstBadLine(bytes) ?? 1,
                    Message(.textDeclaredButUTF8))
            }
            throw InputError(
                file: file, line: GB18030.firstBadLine(bytes) ?? 1,
                Message(.textNotGB18030))
        }
        let looksUTF8 = bytes.contains(where: { $0 >= 0x80 }) && String(validating: bytes, as: UTF8.self) != nil
        return Decoded(text: text, encoding: .gb18030, detected: false, declaredButUTF8: looksUTF8)
    }

    private static let neither = MessageKey.textNeither
    private static let notDeclared = MessageKey.textNotDeclaredUTF8
    private static let onlyUTF8 = MessageKey.textOnlyUTF8

    /// Reads `path` as UTF-8 text; `shown` is how errors name the file.
    public static func read(_ path: String, shown: String? = nil) throws(InputError) -> String {
        let name = shown ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, Message(.fileUnreadable))
        }
        return try decode(data, file: name)
    }

    /// Decodes `data` as UTF-8 (a leading byte-order mark dropped). Text in another encoding (Latin-1, GBK, UTF-16)
    /// or with NUL bytes is an error at the line where it starts, saying to save the file as UTF-8.
    public static func decode(_ data: Data, file: String) throws(InputError) -> String {
        try decode(data, file: file, notUTF8: onlyUTF8)
    }

    /// Decodes `data` as UTF-8, else the error at its first bad byte, ending with `advice`.
    private static func decode(_ data: Data, file: String, notUTF8 advice: MessageKey) throws(InputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                file: file, line: 1, Message(.textUTF16))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) { return text }
        // Find the first bad byte: everything before it decodes, so its line is the newlines before it, plus one.
        var line = 1
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { break decoding }
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput, .error:
                break decoding
            }
        }
        let what: Message
        if offset >= bytes.count {
            what = Message(.textBadByteAtEnd)
        } else if bytes[offset] == 0 {
            what = Message(.textNUL)
        } else {
            what = Message(.textBadByte, ["byte": .text(String(format: "0x%02X", bytes[offset]))])
        }
        throw InputError(
            file: file, line: line, Message(.problemAndRemedy, ["problem": .message(what), "remedy": .word(advice)]))
    }
}
