import Audit
import Messages
import Timeline

/// A clash as a reader sees it in a list: its codes (stable, English) and its words in the reader's language.
public struct ClashRow: Sendable, Hashable, Encodable {
    /// `error` or `warning`.
    public var severity: String
    /// The severity in words.
    public var severityLabel: String
    /// The kind's code (`person-double-booked`, …).
    public var kind: String
    /// The kind in words.
    public var kindLabel: String
    /// When it starts, as the reader reads a day and time; empty when it has no time.
    public var when: String
    /// The people, by name.
    public var people: [String]
    /// The teams whose weeks collide.
    public var teams: [String]
    /// What collides.
    public var explanation: String
    /// The details, one a line.
    public var parts: [String]
    /// The fix, in words.
    public var fix: String

    /// The rows of `clashes`, times in `zone`, people by their `names` (id to name), in `language`.
    public static func rows(_ clashes: [Clash], zone: Zone, names: [String: String], language: ReportLanguage)
        -> [ClashRow]
    {
        let labels = ReportLabels(language: language)
        return clashes.map { clash in
            ClashRow(
                severity: clash.severity.rawValue, severityLabel: labels.severityName(clash.severity),
                kind: clash.kind.rawValue, kindLabel: labels.kindLabel(clash.kind.rawValue),
                when: clash.start.map { Message.Argument.dayClock($0, zone).text(language) } ?? "",
                people: clash.people.map { names[$0] ?? $0 }, teams: clash.teams,
                explanation: clash.explanation.text(language), parts: (clash.parts ?? []).map { $0.text(language) },
                fix: RemedyText.sentence(clash.remedy, language: language))
        }
    }
}
