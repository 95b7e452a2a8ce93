/// Where in an input file something came from.
public struct SourceLine: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file path as the user gave it.
    public var file: String
    /// The 1-based line.
    public var line: Int

    /// A file and line.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A timetable that does not hold together, or a place the network does not know.
public struct TravelError: Error, Sendable, CustomStringConvertible {
    /// Where the fault is, when it comes from a file.
    public var source: SourceLine?
    /// What is wrong and what to do.
    public var message: String

    /// An error at a source line.
    public init(_ message: String, at source: SourceLine? = nil) {
        self.source = source
        self.message = message
    }

    public var description: String { source.map { "\($0): \(message)" } ?? message }
}
