import Foundation

/// Reading a CalDAV collection (RFC 4791): a calendar-query REPORT for the window, answered by a multistatus whose
/// calendar-data elements are the events' calendars.
enum CalDAV {
    static func prepare(_ request: inout TransferRequest, window: (start: String, end: String)?) {
        request.method = "REPORT"
        request.headers += ["Depth: 1", "Content-Type: application/xml; charset=utf-8"]
        let range = window.map { "<C:time-range start=\"\($0.start)\" end=\"\($0.end)\"/>" } ?? ""
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">\(range)</C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        request.body = Array(xml.utf8)
    }

    /// The calendars inside a multistatus body, joined into one iCalendar stream; nil when there is no calendar-data
    /// element at all. An empty collection gives an empty VCALENDAR.
    static func calendar(fromMultistatus body: [UInt8]) -> [UInt8]? {
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains("multistatus") else { return nil }
        var calendars: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "calendar-data") {
            // Find the end of this start tag, then the matching end tag with any namespace prefix.
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            if rest[rest.index(before: tagEnd)] == "/" {
                rest = rest[rest.index(after: tagEnd)...]
                continue
            }
            var contentStart = rest.index(after: tagEnd)
            while contentStart < rest.endIndex && rest[contentStart].isWhitespace { contentStart = rest.index(after: contentStart) }
            if rest[contentStart...].hasPrefix("<![CDATA["), let end = rest[contentStart...].range(of: "]]>") {
                calendars.append(String(rest[rest.index(contentStart, offsetBy: 9)..<end.lowerBound]))
                rest = rest[end.upperBound...]
                guard let after = rest.range(of: ">") else { break }
                rest = rest[after.upperBound...]
                continue
            }
            guard let close = rest[contentStart...].range(of: "</") else { break }
            calendars.append(unescape(String(rest[contentStart..<close.lowerBound])))
            guard let after = rest[close.upperBound...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: after)...]
        }
        if calendars.isEmpty { return Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//CalDAV//EN\r\nEND:VCALENDAR\r\n".utf8) }
        return Array(calendars.joined(separator: "\r\n").utf8)
    }

    private static func unescape(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#13;", "\r"), ("&#xD;", "\r"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
