import Audit
import Feeds
import Itinerary
import Messages
import Timeline
import Travel

/// The coordinators' view as one self-contained HTML page: clashes, each person's week, a route map and the visits.
public enum HTMLReport {
    /// One team's planned week, with the problem it was planned for and the timetable (for names, places and
    /// stations).
    public struct Week: Sendable {
        /// The team's name as the report shows it.
        public var team: String
        /// The team's plan.
        public var plan: Plan
        /// The problem the plan was made for: staff, clients, days and zone.
        public var problem: Problem
        /// The timetable the plan travels on: cities and stations by id.
        public var timetable: Timetable

        /// A week from its parts.
        public init(team: String, plan: Plan, problem: Problem, timetable: Timetable) {
            self.team = team
            self.plan = plan
            self.problem = problem
            self.timetable = timetable
        }
    }

    /// The whole page: inline CSS and SVG, no scripts and no external resources; every input string is escaped.
    /// With `findings`, the problems listed are one plan's own (`tiaoqi check`, `plan --out`): the section is headed
    /// "Findings", not "Clashes".
    public static func render(
        title: String, weeks: [Week], handPlans: [HandPlan], clashes: [Clash], language: ReportLanguage,
        findings: Bool = false
    ) -> String {
        var html = pageHead(title: title, language: language, stylesheet: stylesheet)
        html += sections(
            title: title, weeks: weeks, handPlans: handPlans, clashes: clashes, language: language, findings: findings)
        html += "<footer>\(escape(Message(.labelGeneratedBy).text(language)))</footer>\n</body>\n</html>\n"
        return html
    }

    /// The page's sections without its head and footer, for a page of its own that uses `stylesheet` (the board's
    /// week page): header, clashes or findings, timelines, map, visits, left-out visits, people.
    package static func sections(
        title: String, weeks: [Week], handPlans: [HandPlan], clashes: [Clash], language: ReportLanguage,
        findings: Bool = false
    ) -> String {
        let context = ReportContext(
            weeks: weeks, handPlans: handPlans, clashes: clashes, language: language, findings: findings)
        return header(title: title, context) + clashTable(context) + timelines(context) + routeMap(context)
            + visitTable(context) + leftOutTable(context) + peopleTable(context)
    }

    /// A page's start, up to and with `<body>`: its language, title and inline stylesheet, and a content policy
    /// that allows no scripts or external resources.
    static func pageHead(title: String, language: ReportLanguage, stylesheet: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escape(Message(.labelHtmlLang).text(language)))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(escape(title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>

        """
    }

    /// Text made safe for HTML content and attribute values (double- or single-quoted): `& < > " '` become entities.
    /// Control characters (which HTML forbids) become U+FFFD, and right-to-left text or bidi controls are isolated
    /// (`SafeText.bidiIsolated`), so an unterminated override cannot reverse the rest of the report.
    package static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        // By scalar, not by Character: a quote followed by a combining mark is one Character that is not `"`.
        for scalar in SafeText.bidiIsolated(String(text)).unicodeScalars {
            switch scalar {
            case _ where SafeText.isControl(scalar): out += "\u{FFFD}"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Title, teams, period and the clash counts by severity.
    static func header(title: String, _ context: ReportContext) -> String {
        let labels = context.labels
        let errors = context.clashes.filter { $0.severity == .error }.count
        let warnings = context.clashes.count - errors
        var html = "<header>\n<h1>\(escape(title))</h1>\n<p class=\"meta\">"
        html +=
            "<span>\(escape(labels.teams)): \(context.teams.map { "<b class=\"team\">\(escape($0))</b>" }.joined(separator: " · "))</span>"
        if let first = context.days.first, let last = context.days.last {
            html += " <span>\(escape(labels.period)): \(escape("\(first) – \(last)"))</span>"
        }
        html += " <span>\(escape(labels.timeZone)): \(escape(context.zone.identifier))</span></p>\n"
        let state = errors > 0 ? "error" : warnings > 0 ? "warning" : "ok"
        html +=
            "<p class=\"summary \(state)\"><a href=\"#\(context.problemsID)\">\(escape(context.problemsHeading))</a>: "
        html += "<span class=\"badge error\">\(escape(labels.severityName(.error))) \(errors)</span> "
        html += "<span class=\"badge warning\">\(escape(labels.severityName(.warning))) \(warnings)</span> "
        html +=
            "<span class=\"total\">(\(escape(labels.summary(errors: errors, warnings: warnings))))</span></p>\n"
        // Planned from cached calendars their servers did not confirm: say which, and how old.
        let stale = context.weeks.flatMap { week in (week.plan.staleCalendars ?? []).map { (week.team, $0) } }
        if !stale.isEmpty {
            html += "<div class=\"stale\"><p><strong>\(escape(labels.staleCalendars))</strong></p><ul>"
            for (team, calendar) in stale {
                let line =
                    "\(calendar.feed) (\(team)): \(labels.lastConfirmed(Message.Argument.age(seconds: calendar.ageSeconds).text(labels.language))) — \(calendar.reason.text(labels.language))"
                html += "<li>\(escape(line))</li>"
            }
            html += "</ul></div>\n"
        }
        return html + "</header>\n"
    }

    /// One row per clash, errors and warnings as given, with ids `clash-1`, `clash-2`, … in input order.
    static func clashTable(_ context: ReportContext) -> String {
        let labels = context.labels
        var html =
            "<section id=\"\(context.problemsID)\">\n<h2>\(escape(context.problemsHeading)) (\(context.clashes.count))</h2>\n"
        guard !context.clashes.isEmpty else {
            return html
                + "<p class=\"none\">\(escape(context.findings ? labels.noFindings : labels.noClashes))</p>\n</section>\n"
        }
        let time = "\(labels.time) (\(context.zone.identifier))"
        let headings = [
            "#", labels.kind, labels.severity, labels.people, labels.clients, time, labels.explanation, labels.fix,
        ]
        html +=
            "<table class=\"clashes\">\n<thead><tr>\(headings.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>\n<tbody>\n"
        for (index, clash) in context.clashes.enumerated() {
            let severity = clash.severity.rawValue
            let people = clash.people.map { "<a href=\"#person-\(escape($0))\">\(escape(context.personName($0)))</a>" }
            let clients = clash.clients.map { escape(context.clientName($0)) }
            let teams =
                clash.teams.isEmpty
                ? "" : "<div class=\"teams\">\(clash.teams.map { escape($0) }.joined(separator: " · "))</div>"
            html += "<tr id=\"clash-\(index + 1)\" class=\"clash \(severity)\">"
            // The kind's stable code (what JSON and docs/CLASHES.md call it) stays in `data-kind`; people read its label.
            let kind = clash.kind.rawValue
            html +=
                "<td>\(index + 1)</td><td><code data-kind=\"\(escape(kind))\">\(escape(labels.kindLabel(kind)))</code>\(teams)</td>"
            html += "<td><span class=\"badge \(severity)\">\(escape(labels.severityName(clash.severity)))</span></td>"
            html += "<td>\(people.joined(separator: "、"))</td><td>\(clients.joined(separator: "、"))</td>"
            html += "<td class=\"when\">\(escape(context.span(clash.start, clash.end)))</td>"
            html +=
                "<td class=\"explanation\">\(escape(clash.explanation.text(labels.language)))\(parts(clash, labels.language))</td><td class=\"fix\">\(escape(RemedyText.sentence(clash.remedy, language: context.labels.language)))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    /// The places one clash shows in, as a list under its explanation; nothing for a clash of one place.
    private static func parts(_ clash: Clash, _ language: ReportLanguage) -> String {
        guard let parts = clash.parts, !parts.isEmpty else { return "" }
        return "<ol class=\"parts\">" + parts.map { "<li>\(escape($0.text(language)))</li>" }.joined() + "</ol>"
    }

    /// Every visit of every week, and every hand-made event that names a client, in time order.
    static func visitTable(_ context: ReportContext) -> String {
        let labels = context.labels
        struct Row {
            var start: Instant, end: Instant, client: String, clientName: String, city: String, people: [String],
                team: String, hand: Bool, link: String? = nil, online = false
        }
        var rows: [Row] = []
        for week in context.weeks {
            for visit in week.plan.visits {
                rows.append(
                    Row(
                        start: visit.start, end: visit.end, client: visit.client, clientName: visit.clientName,
                        city: visit.city,
                        people: visit.staff, team: week.team, hand: false, link: visit.link, online: visit.isOnline))
            }
        }
        for hand in context.handPlans {
            for event in hand.events {
                guard let client = event.client else { continue }
                rows.append(
                    Row(
                        start: event.start, end: event.end, client: client, clientName: context.clientName(client),
                        city: event.city ?? context.client(client)?.place.cityID ?? "", people: [hand.person],
                        team: hand.team, hand: true))
            }
        }
        rows.sort { ($0.start, $0.client) < ($1.start, $1.client) }
        var html = "<section id=\"visits\">\n<h2>\(escape(labels.visits)) (\(rows.count))</h2>\n"
        guard !rows.isEmpty else { return html + "<p class=\"none\">\(escape(labels.noVisits))</p>\n</section>\n" }
        let headings = [
            labels.time, labels.client, labels.address, labels.contact, labels.city, labels.people, labels.team,
            labels.priority,
        ]
        html +=
            "<table class=\"visits\">\n<thead><tr>\(headings.map { "<th>\(escape($0))</th>" }.joined())</tr></thead>\n<tbody>\n"
        for row in rows {
            let client = context.client(row.client)
            let people = row.people.map { "<a href=\"#person-\(escape($0))\">\(escape(context.personName($0)))</a>" }
            let must = client?.mustVisit == true ? " <span class=\"must\">\(escape(labels.mustVisit))</span>" : ""
            let hand = row.hand ? " <span class=\"tag\">\(escape(labels.handMade))</span>" : ""
            html += "<tr class=\"visit\(row.hand ? " hand" : "")\" data-client=\"\(escape(row.client))\">"
            html += "<td class=\"when\">\(escape(context.span(row.start, row.end)))</td>"
            html += "<td>\(escape(row.clientName)) <code>\(escape(row.client))</code>\(hand)</td>"
            html += "<td>\(escape(client?.address ?? ""))</td><td>\(escape(client?.contact ?? ""))</td>"
            // An online visit's link is a link only when it is a web address; anything else stays text.
            let call =
                row.link.map { link in
                    link.hasPrefix("https://") || link.hasPrefix("http://")
                        ? "<a href=\"\(escape(link))\" rel=\"noopener noreferrer\">\(escape(labels.online))</a>"
                        : "\(escape(labels.online)) \(escape(link))"
                } ?? escape(labels.online)
            html += "<td>\(row.online ? call : escape(context.cityName(row.city)))</td>"
            html += "<td>\(people.joined(separator: "、"))</td><td>\(escape(row.team))</td>"
            html += "<td>\(client.map { String($0.priority) } ?? "")\(must)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    package static let stylesheet = """

        :root { --error: #c62828; --warning: #b26a00; --line: #d9dce1; --muted: #5f6670; }
        * { box-sizing: border-box; }
        body * { unicode-bidi: isolate; }
        body { margin: 0 auto; max-width: 1360px; padding: 16px 24px 32px; color: #1d2127; background: #fff;
          font: 14px/1.45 system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 14px 0 4px; }
        h3 small { font-weight: normal; color: var(--muted); margin-left: 8px; }
        a { color: #1f5fbf; text-decoration: none; }
        code { font-size: 12px; background: #f2f3f5; padding: 0 3px; border-radius: 3px; }
        .meta span { margin-right: 16px; color: var(--muted); }
        .meta .team { color: #1d2127; }
        .summary { font-size: 15px; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; }
        .badge.error { background: var(--error); }
        .badge.warning { background: var(--warning); }
        .total { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f5f6f8; font-weight: 600; white-space: nowrap; }
        tr.clash.error td:first-child { border-left: 4px solid var(--error); }
        tr.clash.warning td:first-child { border-left: 4px solid var(--warning); }
        tr:target { background: #fff6d6; }
        td.when { white-space: nowrap; }
        .teams { color: var(--muted); font-size: 12px; }
        .must { color: var(--error); font-weight: 600; font-size: 12px; }
        .tag { color: #2e7d32; font-size: 12px; }
        .none { color: var(--muted); }
        .axis, .day { display: flex; align-items: stretch; }
        .axis { font-size: 11px; color: var(--muted); }
        .axis .ticks { position: relative; flex: 1; height: 16px; }
        .axis .ticks span { position: absolute; transform: translateX(-50%); }
        .day .label { width: 96px; flex: none; font-size: 12px; padding: 6px 6px 0 0; color: var(--muted); white-space: nowrap; }
        .axis .label { width: 96px; flex: none; }
        .track { position: relative; flex: 1; border-bottom: 1px solid var(--line); min-height: 34px;
          background-image: linear-gradient(to right, var(--line) 1px, transparent 1px); background-size: var(--hour) 100%; }
        .block { position: absolute; height: 30px; margin-top: 2px; padding: 0 4px; overflow: hidden; overflow-wrap: anywhere;
          font-size: 11px; line-height: 14px; border-radius: 3px; border: 1px solid rgba(0,0,0,.15); }
        .block b { font-weight: 600; margin-right: 3px; white-space: nowrap; }
        .block .team { font-style: normal; font-size: 10px; margin-right: 3px; padding: 0 2px; border-radius: 2px;
          background: rgba(0,0,0,.08); white-space: nowrap; }
        .block.short { padding: 0; }
        .explanation .parts { margin: 4px 0 0; padding-left: 18px; }
        .block.visit { background: #dbe9ff; }
        .block.call { background: #eef4ff; border: 1px dashed #1f5fbf; }
        .block.leg { background: #fff0c2; }
        .block.stay { background: #eadcf5; }
        .block.hand { background: #dcf3dd; border: 1px dashed #2e7d32; }
        .block.own { background: #eceff3; border: 1px solid #9aa3ad; color: #3c434b; }
        .block.clashing { outline: 2px solid var(--error); outline-offset: 0; z-index: 1; }
        .person .empty { color: var(--muted); font-size: 12px; }
        .map { display: block; width: 100%; height: auto; border: 1px solid var(--line); background: #fbfcfd; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        """
}
