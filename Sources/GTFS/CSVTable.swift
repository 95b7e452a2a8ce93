import Foundation
import Messages

/// An RFC 4180 CSV file read into rows keyed by header, each row remembering its line.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The line the record starts on.
        public var line: Int
        /// Field values in column order (trimmed of surrounding spaces; fewer than the columns when the row is short).
        var values: [String]
        /// Column positions by name, shared by every row of a table.
        var columns: [String: Int]

        init(line: Int, values: [String], columns: [String: Int]) {
            self.line = line
            self.values = values
            self.columns = columns
        }

        /// Field values by column name (trimmed of surrounding spaces).
        public var fields: [String: String] {
            var fields: [String: String] = [:]
            for (column, index) in columns where index < values.count { fields[column] = values[index] }
            return fields
        }

        /// The value of a column found once by name, nil when missing or empty.
        subscript(_ column: Column) -> String? {
            guard let index = column.index, index < values.count else { return nil }
            let value = values[index]
            return value.isEmpty ? nil : value
        }

        /// The value of a column, nil when missing or empty.
        public subscript(_ column: String) -> String? {
            guard let index = columns[column], index < values.count else { return nil }
            let value = values[index]
            return value.isEmpty ? nil : value
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
        var text = text
        let table = try text.withInputBytes { (bytes) throws(InputError) in try CSVTable(bytes: bytes, file: file) }
        self = table
    }

    /// Parses CSV as UTF-8 bytes (already checked to be UTF-8).
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(InputError) {
        self.file = file
        var header: [String]?
        var columns: [String: Int] = [:]
        var rows: [Row] = []
        try CSVBytes.scan(bytes, file: file) { (line, fields) throws(InputError) in
            guard let header else {
                let names = fields.map { CSVBytes.string(bytes, $0) }
                columns = try Self.columns(names, file: file, line: line)
                header = names
                return
            }
            guard fields.count <= header.count else {
                throw InputError(
                    file: file, line: line,
                    Message(.csvTooManyFields, ["count": .number(fields.count), "width": .number(header.count)]))
            }
            rows.append(Row(line: line, values: fields.map { CSVBytes.string(bytes, $0) }, columns: columns))
        }
        guard let header else {
            throw InputError(file: file, line: 1, Message(.csvEmptyFile))
        }
        self.header = header
        self.rows = rows
    }

    /// A table with a header and no rows yet (for files read row by row); two columns of one name are an error.
    init(header: [String], file: String, line: Int) throws(InputError) {
        _ = try Self.columns(header, file: file, line: line)
        self.file = file
        self.header = header
        rows = []
    }

    /// Column positions by name; two columns of one name are an error at the header's line.
    private static func columns(_ names: [String], file: String, line: Int) throws(InputError) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, column) in names.enumerated() where !column.isEmpty {
            if let earlier = columns[column] {
                throw InputError(
                    file: file, line: line,
                    Message(
                        .csvColumnTwice,
                        ["first": .number(earlier + 1), "second": .number(index + 1), "column": .text(column)]))
            }
            columns[column] = index
        }
        return columns
    }

    /// Calls `record` with each record of CSV text (its first line and its fields, trimmed unless quoted; blank lines
    /// skipped), without building a table: for large files read row by row. A quote left open is an error at its line.
    public static func scan(
        _ text: String, file: String, _ record: (_ line: Int, _ fields: [String]) throws(InputError) -> Void
    ) throws(InputError) {
        var text = text
        try text.withInputBytes { (bytes) throws(InputError) in
            try CSVBytes.scan(bytes, file: file) { (line, fields) throws(InputError) in
                try record(line, fields.map { CSVBytes.string(bytes, $0) })
            }
        }
    }

    /// Throws unless every named column is in the header.
    public func require(_ columns: [String]) throws(InputError) {
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            throw InputError(
                file: file, line: 1,
                Message(
                    .csvMissingColumns, ["columns": .names(missing), "header": .text(header.joined(separator: ","))]))
        }
    }

    /// A column found once by name, for reading it from many rows (kept for speed: a name looked up for every value
    /// of trips.txt and stops.txt was about 1 ms of a 4,752-trip import).
    struct Column {
        let name: String
        let index: Int?
    }

    /// The column of that name (with no index when the header lacks it).
    func column(_ name: String) -> Column {
        Column(name: name, index: name.isEmpty ? nil : header.firstIndex(of: name))
    }

    /// The value of a required field of a row, or an error at its line.
    func value(_ row: Row, _ column: Column) throws(InputError) -> String {
        guard let value = row[column] else {
            throw InputError(file: file, line: row.line, Message(.csvEmptyField, ["column": .text(column.name)]))
        }
        return value
    }

    /// A required decimal field within a range.
    func decimal(_ row: Row, _ column: Column, in range: ClosedRange<Double>) throws(InputError) -> Double {
        let text = try value(row, column)
        guard let number = StrictNumber.decimal(text), range.contains(number) else {
            throw InputError(
                file: file, line: row.line,
                Self.notDecimal(column.name, text, range))
        }
        return number
    }

    /// The value of a required field of a row, or an error at its line.
    public func value(_ row: Row, _ column: String) throws(InputError) -> String {
        guard let value = row[column] else {
            throw InputError(file: file, line: row.line, Message(.csvEmptyField, ["column": .text(column)]))
        }
        return value
    }

    /// A required integer field within a range.
    public func integer(_ row: Row, _ column: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let text = try value(row, column)
        guard let number = StrictNumber.integer(text), range.contains(number) else {
            throw InputError(
                file: file, line: row.line,
                Self.notInteger(column, text, range))
        }
        return number
    }

    /// A required decimal field within a range.
    public func decimal(_ row: Row, _ column: String, in range: ClosedRange<Double>) throws(InputError) -> Double {
        let text = try value(row, column)
        guard let number = StrictNumber.decimal(text), range.contains(number) else {
            throw InputError(
                file: file, line: row.line,
                Self.notDecimal(column, text, range))
        }
        return number
    }

    /// `'column' is 'text'; it must be a whole number from low to high`.
    static func notInteger(_ column: String, _ text: String, _ range: ClosedRange<Int>) -> Message {
        Message(
            .csvNotInteger,
            [
                "column": .text(column), "text": .text(text), "low": .number(range.lowerBound),
                "high": .number(range.upperBound),
            ])
    }

    /// `'column' is 'text'; it must be a plain decimal number … from low to high`.
    static func notDecimal(_ column: String, _ text: String, _ range: ClosedRange<Double>) -> Message {
        Message(
            .csvNotDecimal,
            [
                "column": .text(column), "text": .text(text), "low": .text("\(range.lowerBound)"),
                "high": .text("\(range.upperBound)"),
            ])
    }
}
