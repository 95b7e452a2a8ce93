import Foundation
import Messages

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

    /// The calendars of a calendar-query answer, joined into one iCalendar stream, or why the answer does not count.
    /// It counts only as HTTP 207 with a well-formed DAV multistatus whose every response succeeded: no error status
    /// on a response (507 marks truncated results), and each carries its calendar-data in a 2xx propstat. An empty
    /// multistatus is an empty calendar. Anything else is a failed fetch, so it can never replace a cached copy.
    static func calendar(status: Int?, body: [UInt8], location: FeedLocation) -> Result<[UInt8], FeedError> {
        func failure(_ reason: Message, _ kind: FeedError.Kind = .undecodable) -> Result<[UInt8], FeedError> {
            .failure(
                FeedError(
                    kind: kind, location: location.redacted, Message(.calDAVRefused, ["reason": .message(reason)]),
                    status: status))
        }
        func name(_ response: String) -> Message.Argument { .text(response) }
        guard status == 207 else {
            return failure(
                status.map { Message(.calDAVNot207, ["status": .number($0)]) } ?? Message(.calDAVNoStatus))
        }
        let multistatus: Multistatus
        do {
            multistatus = try Multistatus(parsing: body)
        } catch {
            return failure(Message(.calDAVNotMultistatus, ["reason": .text(error.reason)]))
        }
        var calendars: [String] = []
        for response in multistatus.responses {
            if let code = response.status, !(200..<300).contains(code) {
                return failure(
                    Message(
                        code == 507 ? .calDAVTruncated : .calDAVResponseStatus,
                        ["status": .number(code), "name": name(response.name)]), .httpStatus)
            }
            if response.hasError {
                return failure(Message(.calDAVResponseError, ["name": name(response.name)]), .httpStatus)
            }
            var found: [String] = []
            for propstat in response.propstats {
                guard let code = propstat.status else {
                    return failure(Message(.calDAVPropstatNoStatus, ["name": name(response.name)]))
                }
                guard let data = propstat.calendarData else { continue }
                guard (200..<300).contains(code) else {
                    return failure(
                        Message(
                            code == 401 || code == 403 ? .calDAVDataRefused : .calDAVDataStatus,
                            ["status": .number(code), "name": name(response.name)]), .httpStatus)
                }
                guard data.contains(where: { !$0.isWhitespace }) else {
                    return failure(Message(.calDAVDataEmpty, ["name": name(response.name)]))
                }
                found.append(data)
            }
            guard !found.isEmpty else {
                return failure(Message(.calDAVNoData, ["name": name(response.name)]))
            }
            calendars += found
        }
        if calendars.isEmpty {
            return .success(
                Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//CalDAV//EN\r\nEND:VCALENDAR\r\n".utf8))
        }
        return .success(Array(calendars.joined(separator: "\r\n").utf8))
    }
}
