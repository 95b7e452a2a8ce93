import Foundation

#if canImport(FoundationXML)
    internal import FoundationXML
#endif

/// A WebDAV multistatus body (RFC 4918 §14.16) as far as a CalDAV calendar-query needs it: each response's hrefs, its
/// own status, and each propstat's status and calendar-data. Read with Foundation's `XMLParser` (libxml2), with
/// namespaces processed, so any prefix (or a default namespace) for `DAV:` and the CalDAV namespace works.
struct Multistatus {
    /// One `DAV:propstat`: its status code and, when it carries them, the text of its `calendar-data` and `getetag`.
    struct Propstat {
        var status: Int?
        var calendarData: String?
        var etag: String?
    }

    /// One `DAV:response`.
    struct Response {
        var hrefs: [String] = []
        var status: Int?
        var propstats: [Propstat] = []
        /// A `DAV:error` element inside the response (a precondition failed).
        var hasError = false

        /// How the response is named in messages.
        var name: String { hrefs.first ?? "a response without href" }
    }

    var responses: [Response] = []

    static let dav = "DAV:"
    static let caldav = "urn:ietf:params:xml:ns:caldav"

    /// Parses `body`; throws the reason when it is not a well-formed DAV multistatus.
    init(parsing body: [UInt8]) throws(MultistatusError) {
        // libxml2 leaves undeclared and DTD-declared entities out without a word (checked: `&x;` declared in an
        // internal subset reads as nothing), so an answer with a DTD is refused outright; a DAV server never sends one.
        if Multistatus.declaresDTD(body) {
            throw MultistatusError("it declares a DTD (<!DOCTYPE>), which a CalDAV server never sends")
        }
        let reader = MultistatusReader()
        let parser = XMLParser(data: Data(body))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        // `parse()` answers true even for a truncated document on Linux; the error callback and `parserError` do not lie.
        let finished = parser.parse()
        if let problem = reader.problem { throw MultistatusError(problem) }
        if let error = parser.parserError ?? reader.parseError {
            throw MultistatusError("it is not well-formed XML (\(Multistatus.describe(error, parser)))")
        }
        guard finished, reader.sawRoot else { throw MultistatusError("it holds no XML element at all") }
        guard reader.depth == 0 else { throw MultistatusError("it ends before its elements are closed (truncated)") }
        responses = reader.responses
    }

    private static func describe(_ error: any Error, _ parser: XMLParser) -> String {
        let code = (error as NSError).code
        let reason = code == 5 ? "the document ends early or has content after its root" : "libxml2 error \(code)"
        return "\(reason), line \(parser.lineNumber)"
    }

    /// Whether the body holds a `<!DOCTYPE` or `<!ENTITY` anywhere. Element text cannot hold a raw `<`, so outside a
    /// CDATA section these can only be markup; a comment or a processing instruction before them hides nothing.
    static func declaresDTD(_ body: [UInt8]) -> Bool {
        // NUL bytes dropped, so a UTF-16 body reads as its ASCII letters too.
        let text = body.filter { $0 != 0 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for marker in ["<!doctype", "<!entity"] where text.firstRange(of: Array(marker.utf8)) != nil { return true }
        return false
    }

    /// The code of an HTTP status line such as `HTTP/1.1 403 Forbidden`.
    static func code(_ line: String) -> Int? {
        let parts = line.split(whereSeparator: \.isWhitespace)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else { return nil }
        return Int(parts[1])
    }
}

/// Why a body is not a usable multistatus.
struct MultistatusError: Error {
    var reason: String

    init(_ reason: String) { self.reason = reason }
}

/// The SAX side of `Multistatus`: a stack of open elements and the text of the few that matter.
private final class MultistatusReader: NSObject, XMLParserDelegate {
    var responses: [Multistatus.Response] = []
    var problem: String?
    var parseError: (any Error)?
    var sawRoot = false
    var depth = 0
    private var stack: [(namespace: String, name: String)] = []
    private var response: Multistatus.Response?
    private var propstat: Multistatus.Propstat?
    private var text = ""
    private var collecting = false

    private func isDAV(_ index: Int, _ name: String) -> Bool {
        index >= 0 && index < stack.count && stack[index].namespace == Multistatus.dav && stack[index].name == name
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let namespace = namespaceURI ?? ""
        if stack.isEmpty {
            guard !sawRoot, namespace == Multistatus.dav, name == "multistatus" else {
                fail(
                    "its root element is <\(qualifiedName ?? name)>\(namespace.isEmpty ? "" : " in namespace \(namespace)"), not DAV: multistatus"
                )
                return parser.abortParsing()
            }
            sawRoot = true
        }
        if collecting && isCalendarData(stack.count - 1) {
            fail("calendar-data of \(response?.name ?? "?") holds markup (<\(qualifiedName ?? name)>) instead of text")
            return parser.abortParsing()
        }
        stack.append((namespace, name))
        depth = stack.count
        let top = stack.count - 1
        if namespace == Multistatus.dav && name == "response" && isDAV(top - 1, "multistatus") {
            response = Multistatus.Response()
        } else if namespace == Multistatus.dav && name == "propstat" && isDAV(top - 1, "response") {
            propstat = Multistatus.Propstat()
        } else if namespace == Multistatus.dav && name == "error" && isDAV(top - 1, "response") {
            response?.hasError = true
        } else if isCalendarData(top) || isText(top) || isETag(top) {
            text = ""
            collecting = true
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        if isCalendarData(top) {
            if propstat?.calendarData != nil {
                fail("a propstat of \(response?.name ?? "?") holds calendar-data twice")
            }
            propstat?.calendarData = text
        } else if isETag(top) {
            propstat?.etag = text.trimmingCharacters(in: .whitespacesAndNewlines)
        } else if isDAV(top, "href") && isDAV(top - 1, "response") {
            response?.hrefs.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if isDAV(top, "status") && (isDAV(top - 1, "propstat") || isDAV(top - 1, "response")) {
            guard let code = Multistatus.code(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                fail("\(response?.name ?? "?") has an unreadable status '\(text.prefix(60))'")
                return parser.abortParsing()
            }
            if isDAV(top - 1, "propstat") { propstat?.status = code } else { response?.status = code }
        } else if isDAV(top, "propstat") && isDAV(top - 1, "response"), let done = propstat {
            response?.propstats.append(done)
            propstat = nil
        } else if isDAV(top, "response") && isDAV(top - 1, "multistatus"), let done = response {
            responses.append(done)
            response = nil
        }
        if isCalendarData(top) || isText(top) || isETag(top) { collecting = false }
        stack.removeLast()
        depth = stack.count
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if collecting { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) {
        if parseError == nil { parseError = error }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred error: any Error) {
        if parseError == nil { parseError = error }
    }

    /// `calendar-data` inside the `prop` of a propstat.
    private func isCalendarData(_ index: Int) -> Bool {
        index >= 0 && index < stack.count && stack[index].namespace == Multistatus.caldav
            && stack[index].name == "calendar-data"
            && isDAV(index - 1, "prop") && isDAV(index - 2, "propstat")
    }

    /// `getetag` inside the `prop` of a propstat.
    private func isETag(_ index: Int) -> Bool {
        isDAV(index, "getetag") && isDAV(index - 1, "prop") && isDAV(index - 2, "propstat")
    }

    /// An element whose text is read: a response's href, a propstat's or response's status.
    private func isText(_ index: Int) -> Bool {
        (isDAV(index, "href") && isDAV(index - 1, "response"))
            || (isDAV(index, "status") && (isDAV(index - 1, "propstat") || isDAV(index - 1, "response")))
    }

    private func fail(_ reason: String) {
        if problem == nil { problem = reason }
    }
}
