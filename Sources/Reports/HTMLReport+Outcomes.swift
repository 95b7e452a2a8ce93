import Itinerary
import Messages

extension HTMLReport {
    /// Per person of each planned week: visits, travel time, hotel nights and what tickets and hotels cost.
    static func peopleTable(_ context: ReportContext) -> String {
        let labels = context.labels
        let rows = context.weeks.flatMap { week in (week.plan.score.people ?? []).map { (week.team, $0) } }
        guard !rows.isEmpty else { return "" }
        var html =
            "<section id=\"people\">\n<h2>\(escape(labels.perPerson))</h2>\n<table class=\"people\">\n<thead><tr>"
        let headings = [
            labels.people, labels.team, labels.visits, labels.travelTime, labels.nights, labels.tickets, labels.hotels,
            labels.total,
        ]
        html += headings.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (team, person) in rows {
            let cells = [
                context.personName(person.person), team, "\(person.visits)", duration(person.travelMinutes),
                "\(person.nights)", yuan(person.tickets), yuan(person.hotels), yuan(person.tickets + person.hotels),
            ]
            html += "<tr data-person=\"\(escape(person.person))\">" + cells.map { "<td>\(escape($0))</td>" }.joined()
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// The visits each planned week leaves out, must-visits first, with the reasons the planner gives.
    static func leftOutTable(_ context: ReportContext) -> String {
        let labels = context.labels
        let rows = context.weeks.flatMap { week in
            week.plan.leftOut.sorted {
                ($0.mustVisit ? 0 : 1, -$0.priority, $0.client) < ($1.mustVisit ? 0 : 1, -$1.priority, $1.client)
            }
            .map { (week.team, $0) }
        }
        guard !context.weeks.isEmpty else { return "" }
        var html = "<section id=\"left-out\">\n<h2>\(escape(labels.leftOut)) (\(rows.count))</h2>\n"
        guard !rows.isEmpty else {
            return html + "<p class=\"none\">\(escape(labels.nothingLeftOut))</p>\n</section>\n"
        }
        html += "<table class=\"left-out\">\n<thead><tr>"
        html += [labels.client, labels.team, labels.priority, labels.reasons].map { "<th>\(escape($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for (team, left) in rows {
            let must = left.mustVisit ? " <strong class=\"must\">\(escape(labels.mustVisit))</strong>" : ""
            let reasons = left.reasons.map { "<li>\(escape($0.text(labels.language)))</li>" }.joined()
            html += "<tr data-client=\"\(escape(left.client))\"><td>\(escape(left.clientName))\(must)</td>"
            html +=
                "<td>\(escape(team))</td><td>\(left.priority)</td><td><ul class=\"reasons\">\(reasons)</ul></td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// `5h20m`.
    static func duration(_ minutes: Int) -> String { "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m" }
}
