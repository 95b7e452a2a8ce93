import Foundation

/// An RFC 4180 CSV file read into rows keyed by header, each row remembering its line.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The line the record starts on.
        public var line: Int
        /// Field values by column name (trimmed of surrounding spaces).
        public var fields: [String: String]

        /// The value of a column, nil when missing or empty.
        public subscript(_ column: String) -> String? {
            guard let value = fields[column], !value.isEmpty else { return nil }
            return value
        }
    }

    /// The file as the user named it.
    public var file: String
    /// Column names in order.
    public var header: [String]
    /// Data rows in order.
    public var rows: [Row]

    /// Reads a CSV file from disk.
    public init(contentsOf path: String, displayName: String? = nil) throws(InputError) {
        let name = displayName ?? path
        try self.init(text: try InputText.read(path, shown: name), file: name)
    }

    /// Parses CSV text; a quote left open or a row with too many fields is an error at its line.
    public init(text: String, file: String) throws(InputError) {
        self.file = file
        var records: [(line: Int, fields: [String])] = []
        try Self.scan(text, file: file) { line, fields in records.append((line, fields)) }
        guard let first = records.first else {
            throw InputError(file: file, line: 1, "the file is empty; it needs a header row")
        }
        header = first.fields
        var columns: [String: Int] = [:]
        for (index, column) in header.enumerated() where !column.isEmpty {
            if let earlier = columns[column] {
                throw InputError(
                    file: file, line: first.line,
                    "columns \(earlier + 1) and \(index + 1) are both named '\(column)'; rename or remove one, so that it is clear which one counts"
                )
            }
            columns[column] = index
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count <= header.count else {
                throw InputError(
                    file: file, line: record.line,
                    "this row has \(record.fields.count) fields but the header has \(header.count); quote fields that contain commas"
                )
            }
            var values: [String: String] = [:]
            for (column, value) in zip(header, record.fields) { values[column] = value }
            rows.append(Row(line: record.line, fields: values))
        }
        self.rows = rows
    }

    /// Calls `record` with each record of CSV text (its first line and its fields, trimmed unless quoted; blank lines
    /// skipped), without building a table: for large files read row by row. A quote left open is an error at its line.
    public static func scan(
        _ text: String, file: String, _ record: (_ line: Int, _ fields: [String]) throws(InputError) -> Void
    ) throws(InputError) {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endField() {
            fields.append(fieldWasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
            field = ""
            fieldWasQuoted = false
        }
        func endRecord() throws(InputError) {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { try record(recordLine, fields) }
            fields = []
        }
        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                quoted = true
                fieldWasQuoted = true
                field = ""
            } else if c == "," {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" { index += 1 }
                try endRecord()
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            index += 1
        }
        if quoted {
            throw InputError(file: file, line: recordLine, "a quoted field is never closed; add the closing \"")
        }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
    }

    /// Throws unless every named column is in the header.
    public func require(_ columns: [String]) throws(InputError) {
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw InputError(
                file: file, line: 1,
                "missing column(s) \(missing.joined(separator: ", ")); the header is \(header.joined(separator: ","))")
        }
    }

    /// The value of a required field of a row, or an error at its line.
    public func value(_ row: Row, _ column: String) throws(InputError) -> String {
        guard let value = row[column] else {
            throw InputError(file: file, line: row.line, "'\(column)' is empty; every row needs one")
        }
        return value
    }

    /// A required integer field within a range.
    public func integer(_ row: Row, _ column: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let text = try value(row, column)
        guard let number = StrictNumber.integer(text), range.contains(number) else {
            throw InputError(
                file: file, line: row.line,
                "'\(column)' is '\(text)'; it must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A required decimal field within a range.
    public func decimal(_ row: Row, _ column: String, in range: ClosedRange<Double>) throws(InputError) -> Double {
        let text = try value(row, column)
        guard let number = StrictNumber.decimal(text), range.contains(number) else {
            throw InputError(
                file: file, line: row.line,
                "'\(column)' is '\(text)'; it must be a plain decimal number (such as 31.25, no exponent or hex) from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }
}
