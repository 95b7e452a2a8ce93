import Messages

/// How a client may be met: in person (travel there), online (a video call from wherever the officer is), or either.
public enum MeetingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only in person: the officer travels to the client.
    case inPerson = "in-person"
    /// Only online: no travel, a meeting link.
    case online
    /// In person when the week reaches the client at a fair cost, else online.
    case either

    /// Whether a visit of this mode may be held online.
    public var allowsOnline: Bool { self != .inPerson }
    /// Whether a visit of this mode may be held in person.
    public var allowsInPerson: Bool { self != .online }

    /// The mode a word names (clients.csv's `mode`, projects.csv's, `tiaoqi log --mode`): its raw value or another
    /// English or Chinese word for it, in any case; nil for a word that names none.
    public init?(word: String) {
        guard let mode = Self.words[word.lowercased()] else { return nil }
        self = mode
    }

    /// The words a mode is known by, in English and Chinese.
    private static let words: [String: MeetingMode] = [
        "in-person": .inPerson, "in person": .inPerson, "offline": .inPerson, "线下": .inPerson,
        "online": .online, "线上": .online,
        "either": .either, "线上或线下": .either, "均可": .either,
    ]

    /// The mode in words.
    public var messageKey: MessageKey {
        switch self {
        case .inPerson: .meetingInPerson
        case .online: .meetingOnline
        case .either: .meetingEither
        }
    }
}

/// The meeting link an online visit gets: `template` with `{client}`, `{date}` (YYYYMMDD) and `{staff}` (the lead's
/// id) put in, e.g. `https://meeting.tencent.com/dm/xz-{client}-{date}`.
public struct MeetingLink: Sendable, Hashable {
    /// The pattern, as plan.yaml gives it.
    public var template: String

    /// A link pattern.
    public init(template: String) { self.template = template }

    /// The link of a visit to `client` on `date` led by `staff`.
    public func link(client: String, date: String, staff: String) -> String {
        template.replacing("{client}", with: client).replacing("{date}", with: date.filter { $0 != "-" })
            .replacing("{staff}", with: staff)
    }
}
