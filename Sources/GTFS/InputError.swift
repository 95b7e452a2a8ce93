/// Bad input: what is wrong, where (file and line), and what to do. GTFS feeds, CSV and zip files report it; the
/// schedule loader reports the same type (`Schedules.InputError`), so a caller handles one kind of input error.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, which decides the exit code.
    public enum Kind: Sendable {
        /// The input is wrong; exit 2.
        case badInput
        /// A feed could not be fetched and there is no usable copy; exit 3.
        case feedUnavailable
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file at fault, as the user named it.
    public var file: String
    /// The 1-based line, or nil when the whole file is at fault.
    public var line: Int?
    /// What is wrong and what to do.
    public var message: String

    /// An error at a file and line.
    public init(_ kind: Kind = .badInput, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
