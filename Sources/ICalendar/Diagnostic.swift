/// A problem found while reading a calendar, with the physical line it concerns.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line in the calendar text.
    public var line: Int
    /// What is wrong, in words.
    public var message: String
    /// Whether something was lost (a line or event skipped); warnings were read in a documented way.
    public var isError: Bool

    /// A diagnostic at a line.
    public init(line: Int, message: String, isError: Bool = true) {
        self.line = line
        self.message = message
        self.isError = isError
    }

    public var description: String { "line \(line): \(message)" }
}

/// A calendar that could not be read, or a strict read that met a diagnostic.
public struct ICalendarError: Error, Sendable, CustomStringConvertible {
    /// The 1-based line at fault (0 when the whole text is at fault).
    public var line: Int
    /// What is wrong and what to do.
    public var message: String

    /// An error at a line.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
