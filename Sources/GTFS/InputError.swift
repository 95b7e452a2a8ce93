import Messages

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
    /// What is wrong and what to do, as a catalogue sentence shown in the reader's language.
    public var sentence: Message

    /// What is wrong and what to do, in English (for logs and tests).
    public var message: String { sentence.text(.en) }

    /// An error at a file and line, said by a catalogue sentence.
    public init(_ kind: Kind = .badInput, file: String, line: Int? = nil, _ sentence: Message) {
        self.kind = kind
        self.file = file
        self.line = line
        self.sentence = sentence
    }

    /// An error at a file and line whose text is not in the catalogue yet: shown as it is in every language.
    public init(_ kind: Kind = .badInput, file: String, line: Int? = nil, _ message: String) {
        self.init(kind, file: file, line: line, Message.verbatim(message))
    }

    /// `file:line: message`, to show in the reader's language.
    public var located: Message { Message.at(file, line: line, sentence) }

    /// `file:line: message` in `language`.
    public func text(_ language: Language) -> String { located.text(language) }

    /// `file:line: message` in English.
    public var description: String { text(.en) }
}
