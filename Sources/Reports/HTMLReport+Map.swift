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
        struct Line { var person: Int, from: String, to: String, hand: Bool, title: String, tag: String? = nil }
        var lines: [Line] = []
        var order: [Int: Int] = [:]
        var cityIDs: [String] = []
        func add(_ id: String?) { if let id, context.city(id) != nil, !cityIDs.contains(id) { cityIDs.append(id) } }
        for (index, person) in context.people.enumerated() {
            add(context.person(person)?.home.cityID)
            for week in context.weeks {
                for visit in week.plan.visits where visit.staff.contains(person) && !visit.isOnline { add(visit.city) }
                for stay in week.plan.stays where stay.person == person { add(stay.city) }
                for leg in week.plan.legs where leg.person == person {
                    add(leg.fromCity)
                    add(leg.toCity)
                    // Legs between cities are numbered in the person's order, with their day: `2 周二`.
                    var tag: String?
                    if leg.fromCity != leg.toCity {
                        order[index, default: 0] += 1
                        tag = "\(order[index]!) \(labels.weekday(context.zone.date(of: leg.depart).weekday))"
                    }
                    let services = leg.parts.compactMap(\.service).joined(separator: "/")
                    let title =
                        "\(context.personName(person)): \(context.cityName(leg.fromCity)) → \(context.cityName(leg.toCity))"
                        + " \(context.span(leg.depart, leg.arrive)) \(services)"
                    lines.append(
                        Line(
                            person: index, from: leg.fromCity, to: leg.toCity, hand: false,
                            title: (tag.map { "\($0) · " } ?? "") + title, tag: tag))
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
        // Labels never overlap each other or a city's dot: each takes the first free place around its point.
        var taken = cityIDs.map { id in
            let p = point(id)
            return Box(x: p.x - 5, y: p.y - 5, width: 10, height: 10)
        }
        // City names first: they matter more than the legs' numbers.
        var cityBoxes: [String: Box] = [:]
        for id in cityIDs {
            // A city's name is always shown: right and up of its dot when no free place is left.
            let p = point(id)
            let box =
                freeBox(near: p, text: context.cityName(id), size: 12, taken: taken, bounds: (width, height))
                ?? Box(label: context.cityName(id), size: 12, x: p.x + 6, y: p.y - 6)
            taken.append(box)
            cityBoxes[id] = box
        }
        var tags = ""
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
            if let tag = line.tag {
                let middle = (x: (a.x + b.x) / 2 + nx, y: (a.y + b.y) / 2 + ny)
                // A leg's number is left out where no free place is left: its line's hover text has it.
                guard let box = freeBox(near: middle, text: tag, size: 10, taken: taken, bounds: (width, height))
                else { continue }
                taken.append(box)
                tags +=
                    "<text class=\"leg-tag\" x=\"\(format(box.x))\" y=\"\(format(box.y + box.height - 2))\" font-size=\"10\""
                tags +=
                    " fill=\"\(colour)\" stroke=\"#f4f7fa\" stroke-width=\"3\" paint-order=\"stroke\">\(escape(tag))</text>\n"
            }
        }
        for id in cityIDs {
            let p = point(id)
            let name = context.cityName(id)
            let box = cityBoxes[id]!
            html +=
                "<g class=\"city\" data-city=\"\(escape(id))\"><circle cx=\"\(format(p.x))\" cy=\"\(format(p.y))\" r=\"4.5\""
            html += " fill=\"#fff\" stroke=\"#1d2127\" stroke-width=\"1.5\"/>"
            html +=
                "<text x=\"\(format(box.x))\" y=\"\(format(box.y + box.height - 3))\" fill=\"#1d2127\" stroke=\"#f4f7fa\" stroke-width=\"3\""
            html += " paint-order=\"stroke\">\(escape(name))</text></g>\n"
        }
        html += tags
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

    /// A label's box on the map, in SVG units.
    struct Box {
        var x: Double, y: Double, width: Double, height: Double

        /// The box of `label` at font `size` whose bottom left is at `x`, `y`: half the font size per terminal
        /// column (CJK characters are two columns, one em wide).
        init(label: String, size: Double, x: Double, y: Double) {
            width = Double(TextWidth.of(label)) * size / 2 + 2
            height = size + 3
            self.x = x
            self.y = y - height
        }

        init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// Where a label of `text` at font `size` goes near `point`: the first of eight places around it (right and up
    /// first) that overlaps no `taken` box and stays inside `bounds`, else further out; nil when none is free.
    static func freeBox(
        near point: (x: Double, y: Double), text: String, size: Double, taken: [Box], bounds: (Double, Double)
    ) -> Box? {
        let shape = Box(label: text, size: size, x: 0, y: 0)
        let (width, height) = (shape.width, shape.height)
        for reach in [1.0, 1.5, 2.0, 2.5, 3.0, 4.0] {
            let gap = 6 * reach
            let candidates = [
                (point.x + gap, point.y - gap - height), (point.x + gap, point.y + gap),
                (point.x - gap - width, point.y - gap - height), (point.x - gap - width, point.y + gap),
                (point.x - width / 2, point.y - gap - height), (point.x - width / 2, point.y + gap),
                (point.x + gap, point.y - height / 2), (point.x - gap - width, point.y - height / 2),
            ]
            for (x, y) in candidates {
                let box = Box(x: x, y: y, width: width, height: height)
                guard x >= 0, y >= 0, x + width <= bounds.0, y + height <= bounds.1 else { continue }
                if !taken.contains(where: box.overlaps) { return box }
            }
        }
        return nil
    }
}
