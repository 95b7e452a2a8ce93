import Audit
import Foundation
import Itinerary
import Timeline
import Travel

extension HTMLReport {
    /// Line colours, one per person in section order (repeating past ten people).
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    ]

    /// An SVG map of the cities: dots with names, each person's legs as lines in their colour (hand-made weeks dashed),
    /// and a legend. Positions are an equirectangular projection of latitude and longitude, scaled to fit the box.
    static func routeMap(_ context: ReportContext) -> String {
        let labels = context.labels
        struct Line { var person: Int, from: String, to: String, hand: Bool, title: String }
        var lines: [Line] = []
        var cityIDs: [String] = []
        func add(_ id: String?) { if let id, context.city(id) != nil, !cityIDs.contains(id) { cityIDs.append(id) } }
        for (index, person) in context.people.enumerated() {
            add(context.person(person)?.home.cityID)
            for week in context.weeks {
                for visit in week.plan.visits where visit.staff.contains(person) { add(visit.city) }
                for stay in week.plan.stays where stay.person == person { add(stay.city) }
                for leg in week.plan.legs where leg.person == person {
                    add(leg.fromCity)
                    add(leg.toCity)
                    let services = leg.parts.compactMap(\.service).joined(separator: "/")
                    let title =
                        "\(context.personName(person)): \(context.cityName(leg.fromCity)) → \(context.cityName(leg.toCity))"
                        + " \(context.span(leg.depart, leg.arrive)) \(services)"
                    lines.append(Line(person: index, from: leg.fromCity, to: leg.toCity, hand: false, title: title))
                }
            }
            for hand in context.handPlans where hand.person == person {
                var previous = context.person(person)?.home.cityID
                for event in hand.events {
                    guard let city = event.city, context.city(city) != nil else { continue }
                    add(city)
                    if let from = previous, from != city, context.city(from) != nil {
                        let title =
                            "\(context.personName(person)) (\(labels.handMade)): \(context.cityName(from)) → \(context.cityName(city))"
                            + " \(context.span(event.start, nil)) \(event.summary)"
                        lines.append(Line(person: index, from: from, to: city, hand: true, title: title))
                    }
                    previous = city
                }
            }
        }
        var html = "<section id=\"map\">\n<h2>\(escape(labels.map))</h2>\n"

        // Equirectangular: x = longitude × cos(mean latitude), y = −latitude; then scaled and centred in the box.
        let width = 760.0
        let pad = 48.0
        let legendWidth = 220.0
        let height = max(460.0, 40 + 20 * Double(context.people.count + 1))
        let coordinates = cityIDs.compactMap { context.city($0)?.coordinate }
        let meanLatitude = coordinates.isEmpty ? 0 : coordinates.map(\.lat).reduce(0, +) / Double(coordinates.count)
        let squeeze = cos(meanLatitude * .pi / 180)
        let xs = coordinates.map { $0.lon * squeeze }
        let ys = coordinates.map { -$0.lat }
        let minX = xs.min() ?? 0
        let maxX = xs.max() ?? 0
        let minY = ys.min() ?? 0
        let maxY = ys.max() ?? 0
        let scale = min((width - 2 * pad) / max(maxX - minX, 1e-6), (height - 2 * pad) / max(maxY - minY, 1e-6))
        let offsetX = (width - (maxX - minX) * scale) / 2
        let offsetY = (height - (maxY - minY) * scale) / 2
        func point(_ id: String) -> (x: Double, y: Double) {
            guard let coordinate = context.city(id)?.coordinate else { return (width / 2, height / 2) }
            return ((coordinate.lon * squeeze - minX) * scale + offsetX, (-coordinate.lat - minY) * scale + offsetY)
        }

        let total = format(width + legendWidth)
        let tall = format(height)
        html += "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(total) \(tall)\" role=\"img\""
        html += " aria-label=\"\(escape(labels.map))\" font-size=\"12\">\n"
        html += "<rect x=\"0\" y=\"0\" width=\"\(format(width))\" height=\"\(tall)\" fill=\"#f4f7fa\"/>\n"
        // People who travel the same road side by side: each line is shifted across its direction by the person's slot.
        let count = Double(max(context.people.count, 1))
        for line in lines {
            let a = point(line.from)
            let b = point(line.to)
            let dx = b.x - a.x
            let dy = b.y - a.y
            let length = max((dx * dx + dy * dy).squareRoot(), 1e-6)
            // At most 8 px either side, however many people share the map.
            let shift = (Double(line.person) - (count - 1) / 2) * min(2.5, 16 / max(1, count))
            let nx = -dy / length * shift
            let ny = dx / length * shift
            let colour = palette[line.person % palette.count]
            html +=
                "<line x1=\"\(format(a.x + nx))\" y1=\"\(format(a.y + ny))\" x2=\"\(format(b.x + nx))\" y2=\"\(format(b.y + ny))\""
            html += " stroke=\"\(colour)\" stroke-width=\"2.5\" stroke-opacity=\"0.85\" stroke-linecap=\"round\""
            html +=
                "\(line.hand ? " stroke-dasharray=\"6 4\"" : "") data-person=\"\(escape(context.people[line.person]))\">"
            html += "<title>\(escape(line.title))</title></line>\n"
        }
        for id in cityIDs {
            let p = point(id)
            html +=
                "<g class=\"city\" data-city=\"\(escape(id))\"><circle cx=\"\(format(p.x))\" cy=\"\(format(p.y))\" r=\"4.5\""
            html += " fill=\"#fff\" stroke=\"#1d2127\" stroke-width=\"1.5\"/>"
            html +=
                "<text x=\"\(format(p.x + 7))\" y=\"\(format(p.y - 6))\" fill=\"#1d2127\" stroke=\"#f4f7fa\" stroke-width=\"3\""
            html += " paint-order=\"stroke\">\(escape(context.cityName(id)))</text></g>\n"
        }
        html += "<g class=\"legend\">\n"
        for (index, person) in context.people.enumerated() {
            let y = 28 + 20 * Double(index)
            html +=
                "<rect x=\"\(format(width + 16))\" y=\"\(format(y - 9))\" width=\"22\" height=\"5\" fill=\"\(palette[index % palette.count])\"/>"
            html +=
                "<text x=\"\(format(width + 46))\" y=\"\(format(y - 2))\">\(escape(context.personName(person)))</text>\n"
        }
        if lines.contains(where: \.hand) {
            let y = 28 + 20 * Double(context.people.count)
            html +=
                "<text x=\"\(format(width + 16))\" y=\"\(format(y))\" fill=\"#5f6670\">\(escape(labels.handPlanLegend))</text>\n"
        }
        return html + "</g>\n</svg>\n</section>\n"
    }
}
