import Feeds

/// Bad input: what is wrong, where (file and line), and what to do.
public struct ScheduleError: Error, Sendable, CustomStringConvertible {
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

    /// The error for a feed that could not be had: bad input when it is a missing file or a bad location, else a
    /// feed failure (exit 3).
    /// Cited at `file:line` (a row naming the feed), or, without a line, at the feed itself.
    public init(feed error: FeedError, file: String, line: Int? = nil) {
        let kind: Kind = error.kind == .fileUnreadable || error.kind == .badLocation ? .badInput : .feedUnavailable
        if let line {
            self.init(kind, file: file, line: line, "calendar '\(error.location)': \(error.message)")
        } else {
            self.init(kind, file: error.location, error.message)
        }
    }

    /// `file:line: message`.
    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
