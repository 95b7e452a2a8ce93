import Audit
import Itinerary
import Messages
import Timeline
import Travel

extension HTMLReport {
    /// One thing in a person's week: a visit, a leg, a hotel night, an event of their own calendar that holds them
    /// somewhere, or an event of a hand-made week.
    struct Block {
        enum Kind: String { case visit, call, leg, stay, hand, own }

        var kind: Kind
        /// When it really is (a hotel night: from the evening to midnight), for positioning and for matching clashes.
        var interval: Interval
        /// What the block shows after its start time.
        var label: String
        /// The full text, shown on hover.
        var detail: String
        /// The client met, for a visit or a hand-made event that names one.
        var client: String? = nil
        /// The team whose week it belongs to (a hand-made week's team too); nil for none.
        var team: String? = nil
    }

    /// A piece shorter than this many minutes shows no text inside (it would be cut to a few letters): its time
    /// and label are in its hover text, and the day's row keeps its colour and place.
    static let shortBlockMinutes = 45

    /// A block's part on one day, in minutes since local midnight, with its lane in the day's row.
    private struct Piece {
        var block: Int, day: LocalDate, from: Int, to: Int, lane = 0
    }

    /// Everything `person` does in every week and hand-made week, hotel nights last.
    static func blocks(of person: String, _ context: ReportContext) -> [Block] {
        let labels = context.labels
        var blocks: [Block] = []
        for week in context.weeks {
            let team = "\(labels.team) \(week.team)"
            for visit in week.plan.visits where visit.staff.contains(person) {
                let client = context.client(visit.client)
                let others = visit.staff.filter { $0 != person }.map(context.personName)
                let meet = visit.isOnline ? labels.online : labels.meet
                var detail = ["\(context.span(visit.start, visit.end)) \(meet) \(visit.clientName) (\(visit.client))"]
                if visit.isOnline {
                    // A call is held wherever the person is: its link and why it is online, not the client's door.
                    detail += [visit.link, visit.onlineReason?.text(labels.language)].compactMap { $0 }
                } else {
                    if let client, !client.address.isEmpty { detail.append(client.address) }
                    detail.append(context.cityName(visit.city))
                }
                if let client, !client.contact.isEmpty { detail.append("\(labels.contact) \(client.contact)") }
                if !others.isEmpty { detail.append("+ " + others.joined(separator: "、")) }
                if let client {
                    detail.append(
                        "\(labels.priority) \(client.priority)" + (client.mustVisit ? " · \(labels.mustVisit)" : ""))
                }
                detail.append(team)
                blocks.append(
                    Block(
                        kind: visit.isOnline ? .call : .visit, interval: visit.interval,
                        label: "\(meet) \(visit.clientName)", detail: detail.joined(separator: "\n"),
                        client: visit.client, team: week.team))
            }
            for leg in week.plan.legs where leg.person == person {
                let route = "\(context.cityName(leg.fromCity)) → \(context.cityName(leg.toCity))"
                let services = leg.parts.filter { $0.mode != .taxi && $0.mode != .walk }.map { part in
                    let language = labels.language
                    return "\(part.serviceName(language)) "
                        + "\(part.endName(part.from, language: language, stopName: context.stopName)) \(context.clock(part.depart))"
                        + "→\(part.endName(part.to, language: language, stopName: context.stopName)) \(context.clock(part.arrive))"
                }
                var detail = ["\(context.span(leg.depart, leg.arrive)) \(route)"] + services
                var money: [String] = []
                if leg.price > 0 { money.append("¥\(yuan(leg.price))") }
                if leg.booked == true { money.append(labels.booked) }
                if !money.isEmpty { detail.append(money.joined(separator: " · ")) }
                detail.append(team)
                let label = services.isEmpty ? route : services.joined(separator: "; ")
                blocks.append(
                    Block(
                        kind: .leg, interval: leg.interval, label: label, detail: detail.joined(separator: "\n"),
                        team: week.team))
            }
        }
        // The events of their own calendar that hold them in a place (the 08:30 meeting the week is planned around).
        let week = context.days.first.map { context.zone.day($0).start }.flatMap { first in
            context.days.last.map { Interval(first, context.zone.day($0).end) }
        }
        for event in context.person(person)?.ownEvents ?? [] where week?.overlaps(event.interval) ?? true {
            var detail = ["\(context.span(event.interval.start, event.interval.end)) \(event.summary)"]
            if !event.location.isEmpty { detail.append(event.location) }
            detail.append(labels.ownEvent)
            blocks.append(
                Block(
                    kind: .own, interval: event.interval, label: event.summary, detail: detail.joined(separator: "\n")))
        }
        for hand in context.handPlans where hand.person == person {
            for event in hand.events {
                var detail = ["\(context.span(event.start, event.end)) \(event.summary)"]
                if let location = event.location, !location.isEmpty { detail.append(location) }
                if let city = event.city { detail.append(context.cityName(city)) }
                if let client = event.client { detail.append("\(labels.client): \(context.clientName(client))") }
                detail.append("\(labels.handMade): \(hand.source)")
                detail.append("\(labels.team) \(hand.team)")
                let interval = Interval(event.start, max(event.end, event.start.adding(minutes: 15)))
                blocks.append(
                    Block(
                        kind: .hand, interval: interval, label: event.summary, detail: detail.joined(separator: "\n"),
                        client: event.client, team: hand.team))
            }
        }
        // A hotel night shows from the evening (after the day's last block, 21:00 at the earliest) to midnight.
        for week in context.weeks {
            for stay in week.plan.stays where stay.person == person {
                let day = context.zone.day(stay.night)
                let evening = context.zone.instant(stay.night, TimeOfDay(minutes: 21 * 60))
                let busyUntil =
                    blocks.filter { $0.interval.overlaps(day) }.map { min($0.interval.end, day.end) }.max() ?? evening
                let start = min(max(evening, busyUntil), day.end - 3600)
                let detail = [
                    "\(labels.hotel) \(context.cityName(stay.city))", "\(stay.night)", "¥\(yuan(stay.cost))",
                    "\(labels.team) \(week.team)",
                ]
                blocks.append(
                    Block(
                        kind: .stay, interval: Interval(start, day.end),
                        label: "\(labels.hotel) \(context.cityName(stay.city))",
                        detail: detail.joined(separator: "\n"), team: week.team))
            }
        }
        return blocks
    }

    /// One section per person: a row per day, each block placed by its time of day, clashing blocks outlined.
    static func timelines(_ context: ReportContext) -> String {
        let labels = context.labels
        let zone = context.zone
        let everyone = context.people.map { ($0, blocks(of: $0, context)) }
        var piecesOf: [String: [Piece]] = [:]
        for (person, blocks) in everyone {
            var pieces: [Piece] = []
            for (index, block) in blocks.enumerated() {
                for day in context.days {
                    let span = zone.day(day)
                    guard let part = block.interval.intersection(span) else { continue }
                    let from = zone.local(part.start).time.minutes
                    let to = part.end >= span.end ? 24 * 60 : zone.local(part.end).time.minutes
                    pieces.append(Piece(block: index, day: day, from: from, to: max(to, from + 1)))
                }
            }
            piecesOf[person] = pieces
        }
        // The axis starts at 06:00, or at the hour of the earliest block, and ends at midnight.
        let firstHour = min(6, (piecesOf.values.joined().map(\.from).min() ?? 360) / 60)
        let axisMinutes = Double(24 * 60 - firstHour * 60)
        func percent(_ minutes: Int) -> String { format(Double(minutes - firstHour * 60) / axisMinutes * 100) + "%" }
        let hourWidth = format(100 * 60 / axisMinutes) + "%"
        var ticks = ""
        for hour in stride(from: firstHour, through: 24, by: 2) {
            ticks += "<span style=\"left:\(percent(hour * 60))\">\(hour < 10 ? "0" : "")\(hour):00</span>"
        }
        let axis = "<div class=\"axis\"><div class=\"label\"></div><div class=\"ticks\">\(ticks)</div></div>\n"

        var html =
            "<section id=\"timelines\" style=\"--hour:\(hourWidth)\">\n<h2>\(escape(labels.timelines)) (\(context.people.count))</h2>\n"
        for (person, blocks) in everyone {
            let clashIDs = blocks.map { block in
                context.clashes.indices.filter { index in
                    let clash = context.clashes[index]
                    guard clash.people.contains(person), let span = context.interval(of: clash) else { return false }
                    // A clash without an end (a company courted twice) is about its clients' meetings, wherever they are.
                    if clash.end == nil, let client = block.client, clash.clients.contains(client) { return true }
                    return span.overlaps(block.interval)
                }
            }
            var about = [person]
            if let home = context.person(person)?.home.cityID {
                about.append("\(labels.home) \(context.cityName(home))")
            }
            let teams =
                context.weeks.filter { $0.plan.people.contains(person) }.map(\.team)
                + context.handPlans.filter { $0.person == person }.map { "\($0.team) (\(labels.handMade))" }
            if !teams.isEmpty { about.append("\(labels.team) \(teams.joined(separator: ", "))") }
            // A person in several teams' weeks: each block says whose it is.
            let shared = Set(blocks.compactMap(\.team)).count > 1
            html += "<section class=\"person\" id=\"person-\(escape(person))\" data-person=\"\(escape(person))\">\n"
            html +=
                "<h3>\(escape(context.personName(person)))<small>\(escape(about.joined(separator: " · ")))</small></h3>\n"
            if blocks.isEmpty {
                html += "<p class=\"empty\">\(escape(labels.nothingPlanned))</p>\n</section>\n"
                continue
            }
            html += axis
            let pieces = piecesOf[person] ?? []
            for day in context.days {
                var row = pieces.filter { $0.day == day }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
                var laneEnds: [Int] = []
                for index in row.indices {
                    if let lane = laneEnds.firstIndex(where: { $0 <= row[index].from }) {
                        row[index].lane = lane
                        laneEnds[lane] = row[index].to
                    } else {
                        row[index].lane = laneEnds.count
                        laneEnds.append(row[index].to)
                    }
                }
                html += "<div class=\"day\"><div class=\"label\">\(escape(labels.day(day)))</div>"
                html += "<div class=\"track\" style=\"height:\(max(1, laneEnds.count) * 34)px\">"
                for piece in row {
                    let block = blocks[piece.block]
                    let clashes = clashIDs[piece.block]
                    var title = block.detail
                    for index in clashes { title += "\n⚠ \(context.clashes[index].explanation.text(labels.language))" }
                    let short = piece.to - piece.from < shortBlockMinutes
                    html +=
                        "<div class=\"block \(block.kind.rawValue)\(clashes.isEmpty ? "" : " clashing")\(short ? " short" : "")\""
                    html +=
                        " style=\"left:\(percent(piece.from));width:\(percent(firstHour * 60 + piece.to - piece.from));top:\(piece.lane * 34)px\""
                    if !clashes.isEmpty {
                        html += " data-clash=\"\(clashes.map { "clash-\($0 + 1)" }.joined(separator: " "))\""
                    }
                    let team = shared ? block.team.map { "<i class=\"team\">\(escape($0))</i>" } ?? "" : ""
                    html += " title=\"\(escape(title))\">"
                    html +=
                        short ? "</div>" : "<b>\(TimeOfDay(minutes: piece.from))</b>\(team)\(escape(block.label))</div>"
                }
                html += "</div></div>\n"
            }
            html += "</section>\n"
        }
        return html + "</section>\n"
    }

    /// Whole yuan; a forged plan's absurd figure is shown as it is, never trapped on.
    static func yuan(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e15 ? String(Int(value.rounded())) : String(value)
    }

    /// A number with at most two decimals, for CSS and SVG.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
