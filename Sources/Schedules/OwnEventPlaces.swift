import Foundation
import ICalendar
import Itinerary
import Timeline
import Travel

/// Where the events of a person's own calendar hold them, read from each event's LOCATION:
/// - none: an unknown place, the event keeps them from meeting clients and from travelling;
/// - an online one (a link, 线上, 视频, 电话, 腾讯会议, Zoom, Teams…): a call, it keeps them from meeting clients, not
///   from travelling;
/// - text naming a city of the network (its Chinese name anywhere, its English name or id as a word; the first one
///   named wins): that city's centre;
/// - any other text (`局四楼会议室`): a room of their own office, in their home city.
/// All-day events hold them during that day's working hours only.
enum OwnEventPlaces {
    /// Words that make a LOCATION an online meeting, lower-case.
    static let onlineWords = [
        "http://", "https://", "线上", "网上", "在线", "视频", "电话", "远程", "腾讯会议", "钉钉", "飞书", "zoom", "teams",
        "webex", "skype", "online", "video", "phone", "call", "remote", "meet.google",
    ]

    /// The busy occurrences of `calendar` in `period` that hold the person in a place, and the time of those held
    /// online.
    static func events(
        of calendar: VCalendar, in period: Interval, zone: Zone, home: Place, working: IntervalSet,
        cities: [String: City]
    ) -> (placed: [OwnEvent], calls: IntervalSet) {
        var ignored: [Diagnostic] = []
        var result: [OwnEvent] = []
        var calls: [Interval] = []
        for occurrence in calendar.occurrences(in: period, floating: zone, diagnostics: &ignored)
        where occurrence.isBusy {
            guard let text = occurrence.location, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                continue
            }
            guard let place = place(of: text, home: home, cities: cities) else {
                if let span = occurrence.interval.intersection(period) { calls.append(span) }
                continue
            }
            let spans =
                occurrence.allDayDates == nil
                ? [occurrence.interval.intersection(period)].compactMap { $0 }
                : working.intersection(IntervalSet([occurrence.interval])).intervals
            for span in spans where !span.isEmpty {
                result.append(
                    OwnEvent(summary: occurrence.summary ?? "", location: text, interval: span, place: place))
            }
        }
        return (result.sorted { $0.interval.start < $1.interval.start }, IntervalSet(calls))
    }

    /// The place a LOCATION names, nil for an online one.
    static func place(of location: String, home: Place, cities: [String: City]) -> Place? {
        let text = location.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        guard !text.isEmpty, !onlineWords.contains(where: { lower.contains($0) }) else { return nil }
        let label = String(text.prefix(40))
        if let city = firstCity(in: text, cities: cities) {
            if city.id == home.cityID {
                return Place(cityID: city.id, coordinate: home.coordinate, label: label, id: home.id)
            }
            return Place(cityID: city.id, coordinate: city.coordinate, label: label)
        }
        return Place(cityID: home.cityID, coordinate: home.coordinate, label: label, id: home.id)
    }

    /// The city named first in `text`: by its Chinese name anywhere, or its English name or id as a whole word.
    private static func firstCity(in text: String, cities: [String: City]) -> City? {
        let lower = text.lowercased()
        var best: (offset: Int, length: Int, city: City)?
        for city in cities.values.sorted(by: { $0.id < $1.id }) {
            var found: [(Int, Int)] = []
            if !city.nameZh.isEmpty, let range = text.range(of: city.nameZh) {
                found.append((text.distance(from: text.startIndex, to: range.lowerBound), city.nameZh.count))
            }
            for name in Set([city.name.lowercased(), city.id.lowercased()]) where name.count >= 3 {
                if let offset = wordOffset(of: name, in: lower) { found.append((offset, name.count)) }
            }
            for (offset, length) in found {
                if best.map({ offset < $0.offset || (offset == $0.offset && length > $0.length) }) ?? true {
                    best = (offset, length, city)
                }
            }
        }
        return best?.city
    }

    /// Where `word` first stands alone in `text` (not inside a longer run of ASCII letters), in characters.
    private static func wordOffset(of word: String, in text: String) -> Int? {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            func isLetter(_ character: Character?) -> Bool { character.map { $0.isASCII && $0.isLetter } ?? false }
            if !isLetter(before) && !isLetter(after) {
                return text.distance(from: text.startIndex, to: range.lowerBound)
            }
            searchStart = range.upperBound
        }
        return nil
    }
}
