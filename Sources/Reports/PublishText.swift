import Feeds
import Messages

/// `plan --publish-caldav` output: per person what was created, updated, deleted, left unchanged, kept as someone
/// changed it, refused (412) or failed, and a line for each event that needs a look.
public enum PublishText {
    /// One person's result, as `--format json` gives it: counts by outcome code, and every event.
    public struct Person: Encodable, Sendable {
        /// The staff id.
        public var staff: String
        /// The collection, credentials removed.
        public var collection: String
        /// Events created, updated, deleted, unchanged, kept, refused, failed.
        public var created, updated, deleted, unchanged, kept, refused, failed: Int
        /// Why nothing (or not everything) could be published, in the reader's language; nil when all went.
        public var error: String?
        /// Every event, sorted by UID.
        public var events: [Event]

        /// One event: its UID, outcome code, the HTTP status that decided it and why, in the reader's language.
        public struct Event: Encodable, Sendable {
            public var uid: String
            public var outcome: String
            public var status: Int?
            public var reason: String?

            // Optionals are written as null, so every object has the same keys.
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(uid, forKey: .uid)
                try container.encode(outcome, forKey: .outcome)
                try container.encode(status, forKey: .status)
                try container.encode(reason, forKey: .reason)
            }

            private enum CodingKeys: String, CodingKey { case uid, outcome, status, reason }
        }

        /// The JSON form of a person's report.
        public init(staff: String, report: PublishReport, language: Language) {
            self.staff = staff
            collection = report.collection
            created = report.count(.created)
            updated = report.count(.updated)
            deleted = report.count(.deleted)
            unchanged = report.count(.unchanged)
            kept = report.count(.kept)
            refused = report.count(.refused)
            failed = report.count(.failed)
            error = report.error.map { $0.sentence.text(language) }
            events = report.results.map {
                Event(uid: $0.uid, outcome: $0.outcome.rawValue, status: $0.status, reason: $0.reason?.text(language))
            }
        }

        // Optionals are written as null, so every object has the same keys.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(staff, forKey: .staff)
            try container.encode(collection, forKey: .collection)
            for (key, value) in [
                (CodingKeys.created, created), (.updated, updated), (.deleted, deleted), (.unchanged, unchanged),
                (.kept, kept), (.refused, refused), (.failed, failed),
            ] {
                try container.encode(value, forKey: key)
            }
            try container.encode(error, forKey: .error)
            try container.encode(events, forKey: .events)
        }

        private enum CodingKeys: String, CodingKey {
            case staff, collection, created, updated, deleted, unchanged, kept, refused, failed, error, events
        }
    }

    /// The table: a heading, a line per person, and a line per event that was kept, refused or failed.
    public static func table(_ people: [(staff: String, report: PublishReport)], language: Language = .en) -> String {
        var out = Message(.publishHeading).text(language) + "\n"
        for (staff, report) in people {
            let counts: [String: Message.Argument] = [
                "staff": .text(staff), "collection": .text(report.collection),
                "created": .number(report.count(.created)), "updated": .number(report.count(.updated)),
                "deleted": .number(report.count(.deleted)), "unchanged": .number(report.count(.unchanged)),
                "kept": .number(report.count(.kept)), "refused": .number(report.count(.refused)),
                "failed": .number(report.count(.failed)),
            ]
            out += "  " + Message(.publishPersonLine, counts).text(language) + "\n"
            if let error = report.error {
                out +=
                    "    " + Message(.publishPersonError, ["reason": .message(error.sentence)]).text(language) + "\n"
            }
            for result in report.results where [.kept, .refused, .failed].contains(result.outcome) {
                var arguments: [String: Message.Argument] = [
                    "outcome": .message(word(result.outcome)), "uid": .text(result.uid),
                    "reason": .message(result.reason ?? Message(.publishNoReason)),
                ]
                var key = MessageKey.publishEventLine
                if let status = result.status {
                    arguments["status"] = .number(status)
                    key = .publishEventLineStatus
                }
                out += "    " + Message(key, arguments).text(language) + "\n"
            }
        }
        return out
    }

    /// An outcome in words: its code in English, a word in Chinese.
    public static func word(_ outcome: PublishOutcome) -> Message {
        switch outcome {
        case .created: Message(.publishCreated)
        case .updated: Message(.publishUpdated)
        case .deleted: Message(.publishDeleted)
        case .unchanged: Message(.publishUnchanged)
        case .kept: Message(.publishKept)
        case .refused: Message(.publishRefused)
        case .failed: Message(.publishFailed)
        }
    }
}
