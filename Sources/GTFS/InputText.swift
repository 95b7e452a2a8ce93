import Foundation

/// The text of an input file (plan.yaml, a CSV file): UTF-8 only, refused at the line of the first byte that is not.
public enum InputText {
    /// Reads `path` as UTF-8 text; `shown` is how errors name the file.
    public static func read(_ path: String, shown: String? = nil) throws(InputError) -> String {
        let name = shown ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, "cannot read the file; check that it exists and that you may read it")
        }
        return try decode(data, file: name)
    }

    /// Decodes `data` as UTF-8 (a leading byte-order mark dropped). Text in another encoding (Latin-1, GBK, UTF-16)
    /// or with NUL bytes is an error at the line where it starts, saying to save the file as UTF-8.
    public static func decode(_ data: Data, file: String) throws(InputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(
                file: file, line: 1, "is UTF-16 text; save it as UTF-8 (in most editors: Save As, encoding UTF-8)")
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
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
        let what =
            offset < bytes.count && bytes[offset] == 0
            ? "a NUL byte (is it UTF-16 or a binary file?)" : "byte \(byte), which is not UTF-8"
        throw InputError(
            file: file, line: line,
            "\(what); the file must be UTF-8 text: save it as UTF-8 (from Excel: Save As 'CSV UTF-8'; iconv -f GBK -t UTF-8 converts GBK)"
        )
    }
}
