import Messages

/// A store that cannot be opened, read or written, or a change it refuses: what and where, in the reader's language.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Where the store is.
    public var location: StoreLocation
    /// What is wrong and what to do.
    public var message: Message

    /// An error of `key` about the store at `location`, with the underlying `cause` (a driver's own words) when
    /// there is one.
    public init(
        _ key: MessageKey, location: StoreLocation, arguments: [String: Message.Argument] = [:],
        cause: (any Error)? = nil
    ) {
        self.location = location
        var arguments = arguments
        arguments["store"] = .text(location.description)
        if let cause { arguments["cause"] = .text(Self.words(of: cause)) }
        message = Message(key, arguments)
    }

    /// The message in English, for logs.
    public var description: String { message.text(.en) }

    /// What a driver says went wrong, on one line: SQLite's and PostgreSQL's own messages are in English.
    private static func words(of error: any Error) -> String {
        String(String(reflecting: error).split(whereSeparator: \.isNewline).first ?? "")
    }
}
