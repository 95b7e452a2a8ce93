import Foundation
import Messages

/// One event to write into a CalDAV calendar collection: its UID, the whole iCalendar object to PUT, and a digest of
/// what it says (the same digest the object carries, so it can be recognised when read back).
public struct PublishEvent: Sendable, Hashable {
    /// The event's UID, stable across replans.
    public var uid: String
    /// The calendar object resource to PUT (one VCALENDAR holding the event).
    public var body: [UInt8]
    /// A digest of the event's content, independent of how a server re-serializes it.
    public var digest: String

    /// An event to publish.
    public init(uid: String, body: [UInt8], digest: String) {
        self.uid = uid
        self.body = body
        self.digest = digest
    }

    /// The resource name in the collection: the UID percent-encoded, then `.ics`, so one UID is always one resource.
    public var resource: String { PublishEvent.resource(for: uid) }

    /// The resource name of a UID: every byte outside RFC 3986's unreserved characters percent-encoded, then `.ics`.
    public static func resource(for uid: String) -> String {
        var name = ""
        for byte in uid.utf8 {
            let unreserved =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            name += unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return name + ".ics"
    }

    /// The SHA-256 of some text, as lower-case hex: the digest events carry.
    public static func sha256(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }
}

/// What an event read back from the server turned out to be.
public enum PublishInspection: Sendable, Hashable {
    /// Tiaoqi's own content, unchanged since written: its digest property matches what it says.
    case tiaoqi(digest: String)
    /// Anything else: changed by someone since Tiaoqi wrote it, or never Tiaoqi's.
    case foreign
}

/// What happened to one event of a publish; the raw values are the stable codes of `--format json`.
public enum PublishOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written for the first time (`PUT` with `If-None-Match: *`).
    case created
    /// Changed by the plan and written over Tiaoqi's earlier version (`PUT` with `If-Match`).
    case updated
    /// Dropped by the plan and removed (`DELETE` with `If-Match`), or already gone.
    case deleted
    /// Already as the plan has it: nothing sent.
    case unchanged
    /// Changed or deleted in the calendar by someone; the plan has nothing new for it, so it is left as they made it.
    case kept
    /// Changed in the calendar since Tiaoqi wrote it, and the plan would change it too: left alone (412) for a human.
    case refused
    /// The server failed or refused the request.
    case failed
}

/// How one event went.
public struct PublishResult: Sendable, Hashable {
    /// The event's UID (for a dropped event, the UID Tiaoqi wrote).
    public var uid: String
    /// The outcome.
    public var outcome: PublishOutcome
    /// The HTTP status of the last answer that decided it, when a request was sent.
    public var status: Int?
    /// Why, for `kept`, `refused` and `failed`, as a catalogue sentence.
    public var reason: Message?

    /// A result.
    public init(uid: String, outcome: PublishOutcome, status: Int? = nil, reason: Message? = nil) {
        self.uid = uid
        self.outcome = outcome
        self.status = status
        self.reason = reason
    }
}

/// How publishing into one calendar collection went.
public struct PublishReport: Sendable {
    /// The collection, credentials removed.
    public var collection: String
    /// Each event's result, sorted by UID.
    public var results: [PublishResult]
    /// Why the collection could not be published to at all (or why the publish stopped part-way), when it could not.
    public var error: FeedError?

    /// A report.
    public init(collection: String, results: [PublishResult] = [], error: FeedError? = nil) {
        self.collection = collection
        self.results = results
        self.error = error
    }

    /// How many events had `outcome`.
    public func count(_ outcome: PublishOutcome) -> Int { results.filter { $0.outcome == outcome }.count }
}
