import Foundation
import Messages
import Timeline

/// The bureau's report as a table for the terminal, as CSV and as JSON.
extension BureauReport {
    /// What a column shows.
    enum Value {
        case count(Int)
        case yuan(Int64)
    }

    /// A column of the figures: its stable id (CSV header, JSON key), its name, and its value.
    struct Column {
        var id: String
        var label: Message
        var value: (Figures) -> Value
    }

    /// The figures' columns, in order.
    var columns: [Column] {
        var columns: [Column] = [
            Column(id: "trips", label: Message(.reportTrips)) { .count($0.trips) },
            Column(id: "visits_held", label: Message(.reportVisitsHeld)) { .count($0.visitsHeld) },
            Column(id: "visits_online", label: Message(.reportVisitsOnline)) { .count($0.visitsOnline) },
            Column(id: "visits_called_off", label: Message(.reportVisitsCalledOff)) { .count($0.visitsCalledOff) },
            Column(id: "visits_planned", label: Message(.reportVisitsPlanned)) { .count($0.visitsPlanned) },
            Column(id: "delegations", label: Message(.reportDelegations)) { .count($0.delegations) },
        ]
        for (index, stage) in stages.enumerated() {
            columns.append(
                Column(id: "projects_\(stage.id)", label: Message(.reportProjectsAt, ["stage": .word(stage.label)])) {
                    .count($0.projects[index])
                })
        }
        columns += [
            Column(id: "expected_yuan", label: Message(.reportExpected)) { .yuan($0.expectedYuan) },
            Column(id: "signed", label: Message(.reportSigned)) { .count($0.signed) },
            Column(id: "signed_yuan", label: Message(.reportSignedYuan)) { .yuan($0.signedYuan) },
        ]
        return columns
    }

    /// The title: the period and what the rows are.
    public func title(_ language: Language) -> String {
        Message(
            .reportTitle,
            ["from": .text(from.description), "to": .text(to.description), "by": .word(grouping.messageKey)]
        ).text(language)
    }

    /// Yuan as hundreds of millions (亿元), two decimals.
    static func hundredMillions(_ yuan: Int64) -> String {
        String(format: "%.2f", Double(yuan) / 100_000_000)
    }

    /// A table for the terminal: the title, a header, a line per row, the whole bureau, and how trips are counted.
    public func table(_ language: Language) -> String {
        let columns = columns
        func cell(_ value: Value) -> String {
            switch value {
            case .count(let count): String(count)
            case .yuan(let yuan): Self.hundredMillions(yuan)
            }
        }
        let header = [Message(grouping.messageKey).text(language)] + columns.map { $0.label.text(language) }
        var lines = rows.map { row in
            [SafeText.terminal(row.label.text(language))] + columns.map { cell($0.value(row.figures)) }
        }
        lines.append([Message(.reportTotal).text(language)] + columns.map { cell($0.value(total)) })
        let widths = header.indices.map { index in
            ([header] + lines).map { TextWidth.of($0[index]) }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                index == 0
                    ? TextWidth.pad(text, to: widths[index])
                    : String(repeating: " ", count: max(0, widths[index] - TextWidth.of(text))) + text
            }.joined(separator: "  ")
        }
        var out = title(language) + "\n\n" + line(header) + "\n"
        for cells in lines.dropLast() { out += line(cells) + "\n" }
        out += line(lines[lines.count - 1]) + "\n\n"
        out += Message(.reportHowCounted).text(language) + "\n"
        return out
    }

    /// CSV (RFC 4180, UTF-8): a header of stable ids (`key`, `label`, then the columns), a line per row and a last
    /// line for the whole bureau (its key `*`); money in yuan.
    public func csv(_ language: Language) -> String {
        let columns = columns
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func values(_ figures: Figures) -> [String] {
            columns.map { column in
                switch column.value(figures) {
                case .count(let count): String(count)
                case .yuan(let yuan): String(yuan)
                }
            }
        }
        var out = (["key", "label"] + columns.map(\.id)).joined(separator: ",") + "\r\n"
        for row in rows {
            out +=
                ([field(row.key), field(row.label.text(language))] + values(row.figures)).joined(separator: ",")
                + "\r\n"
        }
        out += (["*", field(Message(.reportTotal).text(language))] + values(total)).joined(separator: ",") + "\r\n"
        return out
    }

    /// JSON: the period, the grouping, the rows (`key`, `label` and a field per column), the total and the heat map;
    /// ids stay stable ASCII, labels are in `language`, money in yuan.
    public func json(_ language: Language) -> String {
        let columns = columns
        func object(_ figures: Figures) -> [String: Int64] {
            Dictionary(
                uniqueKeysWithValues: columns.map { column in
                    switch column.value(figures) {
                    case .count(let count): (column.id, Int64(count))
                    case .yuan(let yuan): (column.id, yuan)
                    }
                })
        }
        struct RowJSON: Encodable {
            var key: String
            var label: String
            var figures: [String: Int64]
        }
        struct CellJSON: Encodable {
            var region: String
            var sector: String
            var visits: Int
            var projects: Int
            var visitShare: Double
            var targetShare: Double?
            var attention: Double?
        }
        struct ReportJSON: Encodable {
            var from: String
            var to: String
            var by: String
            var title: String
            var columns: [[String: String]]
            var rows: [RowJSON]
            var total: [String: Int64]
            var heatMap: [CellJSON]
        }
        let report = ReportJSON(
            from: from.description, to: to.description, by: grouping.rawValue, title: title(language),
            columns: columns.map { ["id": $0.id, "label": $0.label.text(language)] },
            rows: rows.map { RowJSON(key: $0.key, label: $0.label.text(language), figures: object($0.figures)) },
            total: object(total),
            heatMap: heat.map {
                CellJSON(
                    region: $0.region, sector: $0.sector, visits: $0.visits, projects: $0.projects,
                    visitShare: $0.visitShare, targetShare: $0.targetShare, attention: $0.attention)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
