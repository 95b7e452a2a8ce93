import Audit
import Foundation
import Itinerary
import Messages

/// `tiaoqi check` output: the audit's findings as a table for people or a JSON report for programs.
public enum CheckText {
    /// One line per finding (severity, rule, message) in `language`, or one line saying the plan has no problems.
    public static func table(plan: String, findings: [Finding], language: Language = .en) -> String {
        let labels = ReportLabels(language: language)
        if findings.isEmpty {
            return SafeText.line(Message(.noProblemsFound, ["plan": .text(plan)]).text(language)) + "\n"
        }
        return findings.map { finding in
            SafeText.line(
                TextWidth.pad(labels.severityName(finding.severity), to: 8)
                    + "\(labels.kindLabel(finding.rule.rawValue)): \(finding.message.text(language))"
            ) + "\n"
        }.joined()
    }

    /// The JSON report: `plan`, `ok` (no finding is an error) and the `findings` (messages in `language`), written
    /// like plan.json.
    public static func json(plan: String, findings: [Finding], language: Language = .en) -> String {
        String(
            decoding: ReportJSON.encode(
                CheckReport(plan: plan, ok: !findings.contains { $0.severity == .error }, findings: findings),
                language: language),
            as: UTF8.self)
    }

    /// The JSON form of `tiaoqi check`.
    private struct CheckReport: Encodable {
        var plan: String
        var ok: Bool
        var findings: [Finding]
    }
}

/// JSON reports written the way plan.json is (snake_case keys, sorted, pretty), so equal reports are equal bytes.
public enum ReportJSON {
    /// The JSON bytes of a report, its messages in `language`.
    public static func encode(_ value: some Encodable, language: Language = .en) -> Data {
        let encoder = JSONEncoder()
        encoder.userInfo[.messageLanguage] = language
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these value types cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }
}
