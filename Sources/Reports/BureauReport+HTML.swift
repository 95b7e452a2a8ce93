import Foundation
import Messages

/// The bureau's report as one self-contained HTML page: the figures' table and the heat map of region × sector.
extension BureauReport {
    /// The page: inline CSS, no scripts and no external resources; every string from the store is escaped.
    public func html(_ language: Language) -> String {
        HTMLReport.pageHead(title: title(language), language: language, stylesheet: Self.stylesheet)
            + sections(language)
            + "<footer>\(HTMLReport.escape(Message(.labelGeneratedBy).text(language)))</footer>\n</body>\n</html>\n"
    }

    /// The page's sections without its head and footer, for a page of its own that uses `stylesheet` (the board's
    /// statistics): the title, the figures' table and the heat map.
    package func sections(_ language: Language) -> String {
        func text(_ key: MessageKey) -> String { HTMLReport.escape(Message(key).text(language)) }
        let columns = columns
        func cell(_ value: Value) -> String {
            switch value {
            case .count(let count): "<td class=\"n\">\(count)</td>"
            case .yuan(let yuan): "<td class=\"n\">\(Self.hundredMillions(yuan))</td>"
            }
        }
        var html = """
            <h1>\(HTMLReport.escape(title(language)))</h1>
            <section id="figures"><table>
            <thead><tr><th>\(text(grouping.messageKey))</th>
            """
        html +=
            columns.map { "<th>\(HTMLReport.escape($0.label.text(language)))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><th>\(HTMLReport.escape(row.label.text(language)))</th>"
            html += columns.map { cell($0.value(row.figures)) }.joined() + "</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><th>\(text(.reportTotal))</th>"
        html += columns.map { cell($0.value(total)) }.joined() + "</tr></tfoot>\n</table>\n"
        html += "<p class=\"note\">\(text(.reportHowCounted))</p></section>\n"
        return html + heatMapSection(language)
    }

    /// The heat map: a row per region, a column per sector; each cell's visits held (and open projects), coloured
    /// by visits against the share the targets give it.
    func heatMapSection(_ language: Language) -> String {
        func text(_ key: MessageKey) -> String { HTMLReport.escape(Message(key).text(language)) }
        var html = "<section id=\"heat-map\"><h2>\(text(.reportHeatTitle))</h2>\n"
        guard !regions.isEmpty, !sectors.isEmpty else {
            return html + "<p>\(text(.reportHeatEmpty))</p></section>\n"
        }
        html += "<p class=\"note\">\(text(.reportHeatLegend))</p>\n<table class=\"heat\">\n<thead><tr><th></th>"
        html += sectors.map { "<th>\(HTMLReport.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        let cells = Dictionary(heat.map { ("\($0.region)\u{0}\($0.sector)", $0) }) { a, _ in a }
        for region in regions {
            html += "<tr><th>\(HTMLReport.escape(region))</th>"
            for sector in sectors {
                guard let cell = cells["\(region)\u{0}\(sector)"] else {
                    html += "<td></td>"
                    continue
                }
                let percent = { (share: Double) in String(format: "%.1f", share * 100) }
                let tip = Message(
                    .reportHeatCell,
                    [
                        "region": .text(region), "sector": .text(sector), "visits": .number(cell.visits),
                        "projects": .number(cell.projects), "share": .text(percent(cell.visitShare)),
                        "target": .text(cell.targetShare.map(percent) ?? "–"),
                    ]
                ).text(language)
                html += "<td class=\"\(Self.heatClass(cell))\" title=\"\(HTMLReport.escape(tip))\">"
                html += "<b>\(cell.visits)</b><small>(\(cell.projects))</small></td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    /// The cell's colour: neglected (well under its target), under, on target, over; none without a target.
    static func heatClass(_ cell: HeatCell) -> String {
        guard let attention = cell.attention else { return cell.visits > 0 ? "off-target" : "none" }
        return attention < 0.25 ? "neglected" : attention < 0.75 ? "under" : attention <= 1.5 ? "on" : "over"
    }

    package static let stylesheet = """
        body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#222}
        table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem}
        td.n{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#f3f3f3;font-weight:600}
        tfoot th,tfoot td{font-weight:700;background:#fafafa}.note{color:#555;max-width:60rem}
        .heat td{text-align:center;min-width:4rem}.heat small{display:block;color:#555}
        .neglected{background:#e8584f;color:#fff}.neglected small{color:#fff}.under{background:#f6b48f}
        .on{background:#f4f1d0}.over{background:#8fcf9a}.off-target{background:#d9d9f3}.none{background:#fff}
        footer{margin-top:2rem;color:#777;font-size:.85rem}
        """
}
