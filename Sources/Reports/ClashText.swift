import Foundation
import Itinerary
import Timeline

/// The terminal form of a clash list: one block per clash, errors first, and a count at the end.
public enum ClashText {
    /// The table for `clashes`, times in `zone`, people by their names in `staff`.
    public static func render(_ clashes: [Clash], zone: Zone, staff: [Staff]) -> String {
        guard !clashes.isEmpty else { return "no clashes\n" }
        var names: [String: String] = [:]
        for person in staff where names[person.id] == nil { names[person.id] = person.name }
        let kindWidth = clashes.map { TextWidth.of($0.kind) }.max() ?? 0
        var text = ""
        for clash in clashes {
            let when = clash.start.map(zone.weekdayClock) ?? "—"
            let people = SafeText.line(clash.people.map { names[$0] ?? $0 }.joined(separator: ", "))
            text += "\(TextWidth.pad(clash.severity.rawValue, to: 8))\(TextWidth.pad(clash.kind, to: kindWidth + 2))\(TextWidth.pad(when, to: 11))\(people)\n"
            text += "        " + SafeText.line(clash.explanation) + "\n"
            text += "        fix: " + SafeText.line(clash.fix) + "\n"
        }
        let errors = clashes.filter { $0.severity == .error }.count
        text += "\(clashes.count) clash\(clashes.count == 1 ? "" : "es"): \(errors) error\(errors == 1 ? "" : "s"), \(clashes.count - errors) warning\(clashes.count - errors == 1 ? "" : "s")\n"
        return text
    }

    /// The JSON report of `tiaoqi clashes`: `ok` (no clash is an error), the plan and hand-made week files, and the
    /// `clashes`, written like plan.json.
    public static func json(_ clashes: [Clash], plans: [String], handPlans: [String]) -> String {
        let report = ClashReport(ok: !clashes.contains { $0.severity == .error }, plans: plans, handPlans: handPlans, clashes: clashes)
        return String(decoding: ReportJSON.encode(report), as: UTF8.self)
    }

    /// The JSON form of `tiaoqi clashes`.
    private struct ClashReport: Encodable {
        var ok: Bool
        var plans: [String]
        var handPlans: [String]
        var clashes: [Clash]
    }
}
