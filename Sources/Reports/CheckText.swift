import Audit
import Foundation
import Itinerary

/// `tiaoqi check` output: the audit's findings as a table for people or a JSON report for programs.
public enum CheckText {
    /// One line per finding (severity, rule, message), or one line saying the plan has no problems.
    public static func table(plan: String, findings: [Finding]) -> String {
        if findings.isEmpty { return SafeText.line("\(plan): no problems found") + "\n" }
        return findings.map { finding in
            SafeText.line(
                "\(finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(finding.rule): \(finding.message)"
            ) + "\n"
        }.joined()
    }

    /// The JSON report: `plan`, `ok` (no finding is an error) and the `findings`, written like plan.json.
    public static func json(plan: String, findings: [Finding]) -> String {
        String(
            decoding: ReportJSON.encode(
                CheckReport(plan: plan, ok: !findings.contains { $0.severity == .error }, findings: findings)),
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
    /// The JSON bytes of a report.
    public static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding these value types cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }
}
