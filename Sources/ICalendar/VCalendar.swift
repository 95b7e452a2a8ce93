import Messages
import Timeline

/// A parsed iCalendar stream: its components, the events and free/busy periods in them, and what was wrong.
public struct VCalendar: Sendable {
    /// The top-level components (usually one VCALENDAR; several streams may be concatenated).
    public var components: [Component]
    /// Every VEVENT, overrides included.
    public var events: [Event]
    /// Busy periods published in VFREEBUSY components.
    public var freeBusy: [Interval]
    /// Published availability (RFC 7953 VAVAILABILITY).
    public var availabilities: [Availability] = []
    /// The calendar's `X-WR-TIMEZONE`, when it names a known zone.
    public var defaultZone: Zone?
    /// TZIDs of VTIMEZONE components and the zones they resolve to.
    public var zones: ZoneResolver
    /// Problems met while reading; each one cost at most one line or one component.
    public var diagnostics: [Diagnostic]

    /// Parses iCalendar text; lenient by default (bad lines become diagnostics), or throwing on the first one.
    public static func parse(_ text: String, strict: Bool = false) throws(ICalendarError) -> VCalendar {
        try parse(bytes: Array(text.utf8), strict: strict)
    }

    /// Parses UTF-8 iCalendar bytes (a BOM is skipped); folds may split multi-byte characters.
    public static func parse(bytes: [UInt8], strict: Bool = false) throws(ICalendarError) -> VCalendar {
        var tree = ComponentBuilder.Tree()
        let lineDiagnostics = ContentLineReader.read(bytes) { tree.add($0) }
        if let deep = tree.tooDeep { throw ICalendarError(line: deep.line, deep.sentence) }
        let (roots, treeDiagnostics) = tree.finish()
        var calendar = VCalendar(
            components: roots, events: [], freeBusy: [], defaultZone: nil, zones: ZoneResolver(),
            diagnostics: lineDiagnostics + treeDiagnostics)
        if let invalid = lineDiagnostics.first(where: { $0.sentence == ContentLineReader.invalidUTF8 }) {
            throw ICalendarError(line: invalid.line, invalid.sentence)
        }
        if let unclosed = treeDiagnostics.first(where: {
            ($0.sentence.key == .icsNeverClosed || $0.sentence.key == .icsNeverClosedTruncated)
                && $0.sentence.arguments["name"] == "VCALENDAR"
        }) {
            throw ICalendarError(
                line: unclosed.line, Message(.icsTruncated))
        }
        let calendars = roots.filter { $0.name == "VCALENDAR" }
        if calendars.isEmpty {
            let first = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
            let html = first.contains("<html") || first.contains("<!doctype")
            throw ICalendarError(line: 1, Message(html ? .icsNotCalendarHTML : .icsNotCalendar))
        }
        for root in calendars {
            calendar.read(root)
        }
        if strict, let first = calendar.diagnostics.filter(\.isError).min(by: { $0.line < $1.line }) {
            throw ICalendarError(line: first.line, first.sentence)
        }
        return calendar
    }

    /// The iTIP methods whose VEVENTs may lack DTSTART (RFC 5546 §3.2).
    static let untimedMethods: Set<String> = ["REPLY", "CANCEL", "REFRESH", "DECLINECOUNTER"]

    private mutating func read(_ root: Component) {
        if let name = root.property("X-WR-TIMEZONE")?.value.trimmingSpaces, defaultZone == nil {
            defaultZone = zones.zone(for: name)
            if defaultZone == nil {
                diagnostics.append(
                    Diagnostic(
                        line: root.property("X-WR-TIMEZONE")!.line,
                        Message(.icsUnknownCalendarZone, ["name": .text(name)])))
            }
        }
        // Zones first: a VTIMEZONE may follow the events that use it.
        for timezone in root.components where timezone.name == "VTIMEZONE" {
            guard let tzid = timezone.property("TZID")?.value.trimmingSpaces else {
                diagnostics.append(Diagnostic(line: timezone.line, Message(.icsZoneWithoutID)))
                continue
            }
            if Zone(identifier: tzid) == nil {
                if let defined = ZoneResolver.zone(from: timezone, tzid: tzid) {
                    zones.custom[tzid] = defined
                } else {
                    diagnostics.append(
                        Diagnostic(
                            line: timezone.line,
                            Message(.icsZoneWithoutRules, ["tzid": .text(tzid)])))
                }
            }
        }
        events.reserveCapacity(events.count + root.components.count)
        // An iTIP answer may name an event without its time (RFC 5545 §3.6.1 requires DTSTART only without METHOD,
        // and RFC 5546 only in PUBLISH, REQUEST, ADD and COUNTER): such an event holds no time, and is no error.
        let untimed = Self.untimedMethods.contains(root.property("METHOD")?.value.trimmingSpaces.uppercased() ?? "")
        for component in root.components {
            switch component.name {
            case "VEVENT" where untimed && component.property("DTSTART") == nil: continue
            case "VEVENT":
                do {
                    events.append(try EventReader.read(component, zones: &zones, diagnostics: &diagnostics))
                } catch {
                    diagnostics.append(
                        Diagnostic(line: error.line, Message(.icsEventSkipped, ["error": .message(error.sentence)])))
                }
            case "VFREEBUSY": readFreeBusy(component)
            case "VAVAILABILITY": readAvailability(component)
            default: continue
            }
        }
    }

    private mutating func readAvailability(_ component: Component) {
        var slots: [Event] = []
        for slot in component.components("AVAILABLE") {
            do {
                slots.append(try EventReader.read(slot, zones: &zones, diagnostics: &diagnostics))
            } catch {
                diagnostics.append(
                    Diagnostic(line: error.line, Message(.icsSlotSkipped, ["error": .message(error.sentence)])))
            }
        }
        func value(_ name: String) -> DateTimeValue? {
            guard let property = component.property(name) else { return nil }
            let parsed = DateTimeValue(property.value, tzid: property.parameter("TZID"))
            if parsed == nil {
                diagnostics.append(
                    Diagnostic(
                        line: property.line,
                        Message(.icsNotDate, ["name": .text(name), "value": .text(property.value)])))
            }
            return parsed
        }
        availabilities.append(
            Availability(
                priority: component.property("PRIORITY").flatMap { Int($0.value.trimmingSpaces) } ?? 0,
                start: value("DTSTART"), end: value("DTEND"),
                duration: component.property("DURATION").flatMap { CalendarDuration($0.value) }, slots: slots,
                line: component.line))
    }

    private mutating func readFreeBusy(_ component: Component) {
        for property in component.properties("FREEBUSY") {
            let type = property.parameter("FBTYPE")?.uppercased() ?? "BUSY"
            guard type != "FREE" else { continue }
            for period in property.value.split(separator: ",") {
                let parts = period.split(separator: "/").map(String.init)
                guard parts.count == 2, let start = DateTimeValue(parts[0], tzid: nil), case .utc(let from) = start
                else {
                    diagnostics.append(
                        Diagnostic(
                            line: property.line,
                            Message(.icsBadFreeBusy, ["period": .text(String(period))])))
                    continue
                }
                if let end = DateTimeValue(parts[1], tzid: nil), case .utc(let to) = end {
                    freeBusy.append(Interval(from, to))
                } else if let duration = CalendarDuration(parts[1]) {
                    freeBusy.append(Interval(from, from + Int64(duration.days) * 86_400 + duration.seconds))
                } else {
                    diagnostics.append(
                        Diagnostic(line: property.line, Message(.icsBadFreeBusyEnd, ["period": .text(String(period))])))
                }
            }
        }
    }
}

extension VCalendar {
    /// Whether `bytes` would parse at all (leniently): UTF-8, a VCALENDAR, and every VCALENDAR closed. Nil when they
    /// would, else the reason; much faster than parsing, for deciding whether a download may replace a cached copy.
    public static func structuralProblem(_ bytes: [UInt8]) -> Message? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Logical lines, folds taken out (a fold may split a character, so UTF-8 is checked on these), joined by LF.
        var unfolded: [UInt8] = []
        unfolded.reserveCapacity(bytes.count)
        var open = 0
        var opened = false
        // BEGIN/END nesting as the parser sees it (an END closes its BEGIN and any left open inside it), judged on
        // whole logical lines, so a folded BEGIN reads as the parser reads it.
        var nesting: [ArraySlice<UInt8>] = []
        var physical = 0
        var lineStart = 0
        var linePhysical = 0
        var deepLine = 0
        /// The upper-cased value of a `BEGIN` or `END` line (parameters allowed), nil for any other line.
        let beginWord = Array("BEGIN".utf8)
        let endWord = Array("END".utf8)
        func blockName(_ word: [UInt8], _ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
            guard line.count > word.count else { return nil }
            let after = line[line.startIndex + word.count]
            guard after == 0x3A || after == 0x3B else { return nil }
            for (k, letter) in word.enumerated() where line[line.startIndex + k] & 0xDF != letter & 0xDF { return nil }
            guard let colon = line.firstIndex(of: 0x3A) else { return nil }
            var name = ArraySlice(line[(colon + 1)...].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 })
            while let last = name.last, last == 0x20 || last == 0x09 { name.removeLast() }
            while let first = name.first, first == 0x20 || first == 0x09 { name.removeFirst() }
            return name
        }
        /// Reads the logical line that starts at `lineStart`; false when it nests too deep.
        func settle() -> Bool {
            let line = unfolded[lineStart...]
            if let name = blockName(beginWord, line) {
                guard nesting.count < ComponentBuilder.maximumDepth else {
                    deepLine = linePhysical
                    return false
                }
                nesting.append(name)
                if name.elementsEqual("VCALENDAR".utf8) {
                    open += 1
                    opened = true
                }
            } else if let name = blockName(endWord, line) {
                if let match = nesting.lastIndex(of: name) { nesting.removeSubrange(match...) }
                if name.elementsEqual("VCALENDAR".utf8) { open -= 1 }
            }
            return true
        }
        var tooDeep = false
        while index < bytes.count {
            var end = index
            physical += 1
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            if end > index && (bytes[index] == 0x20 || bytes[index] == 0x09) && !unfolded.isEmpty {
                unfolded.append(contentsOf: bytes[(index + 1)..<end])
            } else {
                if !unfolded.isEmpty {
                    guard settle() else {
                        tooDeep = true
                        break
                    }
                    unfolded.append(0x0A)
                }
                lineStart = unfolded.count
                linePhysical = physical
                unfolded.append(contentsOf: bytes[index..<end])
            }
            index =
                end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A
                ? end + 2 : end + 1
        }
        if !tooDeep && !unfolded.isEmpty { tooDeep = !settle() }
        if tooDeep {
            return Message(
                .icsNestedTooDeep, ["line": .number(deepLine), "depth": .number(ComponentBuilder.maximumDepth)])
        }
        guard opened else {
            let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
            return Message(head.contains("<html") || head.contains("<!doctype") ? .icsHTMLPage : .icsNoCalendar)
        }
        if open != 0 { return Message(.icsTruncated) }
        let valid = unfolded.withUnsafeBufferPointer { UTF8Text.decode($0) != nil }
        return valid ? nil : ContentLineReader.invalidUTF8
    }
}
