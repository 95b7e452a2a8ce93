import Feeds
import GTFS
import Messages

/// Bad input in a schedule folder: what is wrong, where (file and line), and what to do. The same type as the GTFS
/// reader's `InputError`, so a network error inside a schedule needs no translation.
public typealias ScheduleError = InputError

extension Message {
    /// `client id 'X' is not a valid id; an id is …`: `what` names the kind of id.
    static func invalidID(_ what: MessageKey, _ id: String) -> Message {
        let shown = id.count > Identifier.maximumLength ? String(id.prefix(Identifier.maximumLength)) + "…" : id
        return Message(
            .invalidID, ["what": .word(what), "id": .text(shown), "max": .number(Identifier.maximumLength)])
    }

    /// `calendar 'LOCATION': sentence`: what is wrong with a calendar a row names.
    static func calendar(_ location: String, _ sentence: Message) -> Message {
        Message(.calendarAt, ["location": .text(location), "text": .message(sentence)])
    }
}

extension InputError {
    /// The error for a feed that could not be had: bad input when it is a missing file or a bad location, else a
    /// feed failure (exit 3).
    /// Cited at `file:line` (a row naming the feed), or, without a line, at the feed itself.
    public init(feed error: FeedError, file: String, line: Int? = nil) {
        let kind: Kind = error.kind == .fileUnreadable || error.kind == .badLocation ? .badInput : .feedUnavailable
        if let line {
            self.init(kind, file: file, line: line, Message.calendar(error.location, error.sentence))
        } else {
            self.init(kind, file: error.location, error.sentence)
        }
    }
}
