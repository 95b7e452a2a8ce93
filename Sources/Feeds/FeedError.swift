import Messages

/// Why a feed could not be fetched.
public struct FeedError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: String, Sendable {
        /// The location is not a supported URL or path.
        case badLocation
        /// A local file is missing or unreadable.
        case fileUnreadable
        /// Connecting, resolving, TLS, or the transfer failed.
        case network
        /// The transfer took longer than allowed.
        case timeout
        /// The server answered with an error status.
        case httpStatus
        /// The body was larger than the cap.
        case tooLarge
        /// The body is not text in a known charset.
        case undecodable
    }

    /// The kind of failure.
    public var kind: Kind
    /// The location, with any credentials removed.
    public var location: String
    /// What happened and what to do, as a catalogue sentence shown in the reader's language.
    public var sentence: Message
    /// The HTTP status, when the server answered.
    public var status: Int?

    /// What happened and what to do, in English (for logs, tests and JSON).
    public var message: String { sentence.text(.en) }

    /// A feed error said by a catalogue sentence.
    public init(kind: Kind, location: String, _ sentence: Message, status: Int? = nil) {
        self.kind = kind
        self.location = location
        self.sentence = sentence
        self.status = status
    }

    /// A feed error whose text is not in the catalogue (a library's own words): shown as it is in every language.
    public init(kind: Kind, location: String, message: String, status: Int? = nil) {
        self.init(kind: kind, location: location, Message.verbatim(message), status: status)
    }

    /// `location: message` in English.
    public var description: String { "\(location): \(message)" }
}
