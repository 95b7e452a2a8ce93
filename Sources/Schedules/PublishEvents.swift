import Feeds
import ICalendar

/// A person's calendar as CalDAV resources: each event on its own, carrying `X-TIAOQI-DIGEST`, a digest of what it
/// says. The digest is taken over the event's content in a canonical form (properties sorted, text unescaped,
/// durations in seconds, the digest itself left out), so it survives a server re-serializing the event, and an
/// event read back whose content still matches its own digest is Tiaoqi's, unchanged since written.
public enum PublishEvents {
    /// The property each written event carries.
    public static let digestProperty = "X-TIAOQI-DIGEST"

    /// The events of one person's `.ics` text (as `plan --out` writes it), each a calendar object of its own (no
    /// `METHOD`, as RFC 4791 asks) with its digest; the first of two events with one UID wins.
    public static func events(of text: String) -> [PublishEvent] {
        guard let calendar = try? VCalendar.parse(text) else { return [] }
        var events: [PublishEvent] = []
        var seen: Set<String> = []
        for root in calendar.components where root.name == "VCALENDAR" {
            let header = [
                ContentLine(name: "VERSION", value: "2.0"),
                root.property("PRODID") ?? ContentLine(name: "PRODID", value: "-//Tiaoqi//Itinerary//EN"),
                ContentLine(name: "CALSCALE", value: "GREGORIAN"),
            ]
            let zones = root.components("VTIMEZONE")
            for var event in root.components("VEVENT") {
                guard let uid = event.property("UID").map({ unescape($0.value) }), seen.insert(uid).inserted else {
                    continue
                }
                event.properties.removeAll { $0.name == digestProperty }
                let digest = PublishEvent.sha256(canonical(event))
                event.properties.append(ContentLine(name: digestProperty, value: digest))
                let object = Component(name: "VCALENDAR", properties: header, components: zones + [event])
                events.append(
                    PublishEvent(uid: uid, body: Array(ICalendarWriter.write([object]).utf8), digest: digest))
            }
        }
        return events
    }

    /// What a calendar object read back from the server is: Tiaoqi's, unchanged (one event whose digest property
    /// matches its content), or anything else.
    public static func inspect(_ body: [UInt8]) -> PublishInspection {
        guard let calendar = try? VCalendar.parse(bytes: body) else { return .foreign }
        let events = calendar.components.flatMap { $0.components("VEVENT") }
        guard events.count == 1, let claimed = events[0].property(digestProperty)?.value,
            PublishEvent.sha256(canonical(events[0])) == claimed
        else { return .foreign }
        return .tiaoqi(digest: claimed)
    }

    /// The canonical text of a component: its properties (all but the digest) and sub-components, each sorted.
    static func canonical(_ component: Component) -> String {
        let lines = component.properties.filter { $0.name != digestProperty }.map(canonical).sorted()
        let children = component.components.map(canonical).sorted()
        return (["BEGIN:\(component.name)"] + lines + children + ["END:\(component.name)"]).joined(separator: "\n")
    }

    /// One property: name, parameters sorted, the value unescaped (a duration in seconds).
    static func canonical(_ property: ContentLine) -> String {
        let parameters = property.parameters.map { "\($0.name)=\($0.value)" }.sorted()
        var value = unescape(property.value)
        if property.name == "TRIGGER" || property.name == "DURATION", let seconds = durationSeconds(value) {
            value = "\(seconds)s"
        }
        return ([property.name] + parameters).joined(separator: ";") + ":" + value
    }

    /// A text value with RFC 5545's escapes removed (`\n` and `\N` a line break).
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return escaping ? result + "\\" : result
    }

    /// The seconds of an RFC 5545 duration (`-PT90M`, `P1DT2H`, `P1W`), nil when it is not one.
    static func durationSeconds(_ text: String) -> Int? {
        var rest = Substring(text)
        var sign = 1
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total = 0
        var number = ""
        var inTime = false
        var any = false
        for character in rest {
            if character.isASCII && character.isNumber {
                number.append(character)
                continue
            }
            if character == "T" && number.isEmpty && !inTime {
                inTime = true
                continue
            }
            guard let value = Int(number) else { return nil }
            let unit: Int
            switch (character, inTime) {
            case ("W", false): unit = 604_800
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3_600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            let (part, overflow) = value.multipliedReportingOverflow(by: unit)
            let (sum, overflowed) = total.addingReportingOverflow(part)
            guard !overflow, !overflowed else { return nil }
            total = sum
            number = ""
            any = true
        }
        return any && number.isEmpty ? sign * total : nil
    }
}
