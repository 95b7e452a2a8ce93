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
    /// What happened and what to do.
    public var message: String
    /// The HTTP status, when the server answered.
    public var status: Int?

    /// A feed error.
    public init(kind: Kind, location: String, message: String, status: Int? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
        self.status = status
    }

    public var description: String { "\(location): \(message)" }
}
