/// The property and BEGIN/END names the reader acts on, recognised once when a line is read so that finding a
/// property is an integer comparison.
enum PropertyName: UInt8, Sendable, Hashable {
    case other, begin, end, uid, dtStart, dtEnd, duration, rrule, rdate, exDate, recurrenceID
    case summary, location, status, transp, sequence

    /// The name of `bytes[from..<to]`, read without regard to case.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> PropertyName {
        func isName(_ text: StaticString) -> Bool {
            let expected = text.utf8Start
            for k in 0..<(to - from) {
                let b = bytes[from + k]
                if (b >= 0x61 && b <= 0x7A ? b - 0x20 : b) != expected[k] { return false }
            }
            return true
        }
        switch to - from {
        case 3: return isName("UID") ? .uid : isName("END") ? .end : .other
        case 5:
            return isName("BEGIN")
                ? .begin : isName("DTEND") ? .dtEnd : isName("RRULE") ? .rrule : isName("RDATE") ? .rdate : .other
        case 6: return isName("EXDATE") ? .exDate : isName("STATUS") ? .status : isName("TRANSP") ? .transp : .other
        case 7: return isName("DTSTART") ? .dtStart : isName("SUMMARY") ? .summary : .other
        case 8:
            return isName("DURATION")
                ? .duration : isName("LOCATION") ? .location : isName("SEQUENCE") ? .sequence : .other
        case 13: return isName("RECURRENCE-ID") ? .recurrenceID : .other
        default: return .other
        }
    }

    /// The name of a property name given as text.
    static func of(_ name: String) -> PropertyName {
        var name = name
        return name.withUTF8 { of($0, 0, $0.count) }
    }
}
