import Messages

/// A problem found while reading a calendar, with the physical line it concerns.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line in the calendar text.
    public var line: Int
    /// What is wrong, as a catalogue sentence shown in the reader's language.
    public var sentence: Message
    /// Whether something was lost (a line or event skipped); warnings were read in a documented way.
    public var isError: Bool

    /// What is wrong, in English (for logs and tests).
    public var message: String { sentence.text(.en) }

    /// A diagnostic at a line, said by a catalogue sentence.
    public init(line: Int, _ sentence: Message, isError: Bool = true) {
        self.line = line
        self.sentence = sentence
        self.isError = isError
    }

    /// A diagnostic whose text is not in the catalogue: shown as it is in every language.
    public init(line: Int, message: String, isError: Bool = true) {
        self.init(line: line, Message.verbatim(message), isError: isError)
    }

    /// `file:line: message` for a calendar shown as `file`.
    public func located(in file: String) -> Message { Message.at(file, line: line, sentence) }

    public var description: String { "line \(line): \(message)" }
}

/// A calendar that could not be read, or a strict read that met a diagnostic.
public struct ICalendarError: Error, Sendable, CustomStringConvertible {
    /// The 1-based line at fault (0 when the whole text is at fault).
    public var line: Int
    /// What is wrong and what to do, as a catalogue sentence shown in the reader's language.
    public var sentence: Message

    /// What is wrong and what to do, in English (for logs and tests).
    public var message: String { sentence.text(.en) }

    /// An error at a line, said by a catalogue sentence.
    public init(line: Int, _ sentence: Message) {
        self.line = line
        self.sentence = sentence
    }

    /// An error at a line whose text is not in the catalogue: shown as it is in every language.
    public init(line: Int, message: String) {
        self.init(line: line, Message.verbatim(message))
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
