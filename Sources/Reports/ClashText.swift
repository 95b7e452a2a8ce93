import Audit
import Foundation
import Itinerary
import Messages
import Timeline

/// The terminal form of a clash list: one block per clash, errors first, and a count at the end.
public enum ClashText {
    /// The table for `clashes`, times in `zone`, people by their names in `staff`, remedies in `language`.
    public static func render(_ clashes: [Clash], zone: Zone, staff: [Staff], language: ReportLanguage = .en) -> String
    {
        let labels = ReportLabels(language: language)
        guard !clashes.isEmpty else { return labels.text(.noClashesLine) + "\n" }
        var names: [String: String] = [:]
        for person in staff where names[person.id] == nil { names[person.id] = person.name }
        let kindWidth = clashes.map { TextWidth.of(labels.kindLabel($0.kind.rawValue)) }.max() ?? 0
        var text = ""
        for clash in clashes {
            let when = clash.start.map { Message.Argument.dayClock($0, zone).text(language) } ?? "—"
            let people = SafeText.line(clash.people.map { names[$0] ?? $0 }.joined(separator: ", "))
            text +=
                "\(TextWidth.pad(labels.severityName(clash.severity), to: 8))\(TextWidth.pad(labels.kindLabel(clash.kind.rawValue), to: kindWidth + 2))\(TextWidth.pad(when, to: 11))\(people)\n"
            text += "        " + SafeText.line(clash.explanation.text(language)) + "\n"
            for part in clash.parts ?? [] { text += "          · " + SafeText.line(part.text(language)) + "\n" }
            text +=
                "        "
                + SafeText.line(
                    Message(.fixLine, ["fix": .text(RemedyText.sentence(clash.remedy, language: language))]).text(
                        language)) + "\n"
        }
        let errors = clashes.filter { $0.severity == .error }.count
        text +=
            Message(
                .clashCount,
                [
                    "clashes": .count(clashes.count, one: .oneClash, many: .manyClashes),
                    "summary": .text(labels.summary(errors: errors, warnings: clashes.count - errors)),
                ]
            ).text(language) + "\n"
        return text
    }

    /// The JSON report of `tiaoqi clashes`: `ok` (no clash is an error), the plan and hand-made week files, and the
    /// `clashes` (each with its remedy as data and, as `fix`, in words in `language`), written like plan.json.
    public static func json(_ clashes: [Clash], plans: [String], handPlans: [String], language: ReportLanguage = .en)
        -> String
    {
        let entries = clashes.map { Entry(clash: $0, fix: RemedyText.sentence($0.remedy, language: language)) }
        let report = ClashReport(
            ok: !clashes.contains { $0.severity == .error }, plans: plans, handPlans: handPlans, clashes: entries)
        return String(decoding: ReportJSON.encode(report, language: language), as: UTF8.self)
    }

    /// The JSON form of `tiaoqi clashes`.
    private struct ClashReport: Encodable {
        var ok: Bool
        var plans: [String]
        var handPlans: [String]
        var clashes: [Entry]
    }

    /// A clash in JSON: its fields (the remedy as data, `remedy.action` a stable id) and the remedy in words, `fix`.
    private struct Entry: Encodable {
        var clash: Clash
        var fix: String

        private enum Keys: String, CodingKey { case fix }

        func encode(to encoder: any Encoder) throws {
            try clash.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(fix, forKey: .fix)
        }
    }
}
