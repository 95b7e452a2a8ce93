import Messages

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
    /// What is wrong and what to do, as a catalogue sentence shown in the reader's language.
    public var sentence: Message

    /// What is wrong and what to do, in English (for logs and tests).
    public var message: String { sentence.text(.en) }

    /// An error at a source line, said by a catalogue sentence.
    public init(_ sentence: Message, at source: SourceLine? = nil) {
        self.source = source
        self.sentence = sentence
    }

    /// An error at a source line whose text is not in the catalogue yet: shown as it is in every language.
    public init(_ message: String, at source: SourceLine? = nil) {
        self.init(Message.verbatim(message), at: source)
    }

    /// `file:line: message` in English.
    public var description: String { source.map { "\($0): \(message)" } ?? message }
}
