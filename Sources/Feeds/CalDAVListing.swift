import Foundation
import Messages

/// The members of a CalDAV collection and their ETags, from a `PROPFIND` of depth 1 (RFC 4918 §9.1).
enum CalDAVListing {
    /// The `PROPFIND` asking for every member's ETag.
    static func request(_ collection: FeedLocation) -> TransferRequest {
        var request = TransferRequest(location: collection)
        request.method = "PROPFIND"
        request.headers = ["Depth: 1", "Content-Type: application/xml; charset=utf-8", "Expect:"]
        request.body = Array(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>
            """.utf8)
        return request
    }

    /// Resource name → ETag of each member, or why the answer does not count (then nothing may be decided from it).
    static func etags(status: Int?, body: [UInt8], collection: FeedLocation) -> Result<[String: String], FeedError> {
        func failure(_ reason: Message) -> Result<[String: String], FeedError> {
            .failure(
                FeedError(
                    kind: .undecodable, location: collection.redacted,
                    Message(.publishListingRefused, ["reason": .message(reason)]), status: status))
        }
        guard status == 207 else {
            return failure(status.map { Message(.calDAVNot207, ["status": .number($0)]) } ?? Message(.calDAVNoStatus))
        }
        let multistatus: Multistatus
        do {
            multistatus = try Multistatus(parsing: body)
        } catch {
            return failure(Message(.calDAVNotMultistatus, ["reason": .text(error.reason)]))
        }
        var etags: [String: String] = [:]
        for response in multistatus.responses {
            guard let name = response.hrefs.first.flatMap(resourceName) else { continue }
            if let code = response.status, !(200..<300).contains(code) { continue }
            for propstat in response.propstats {
                if let code = propstat.status, (200..<300).contains(code), let etag = propstat.etag, !etag.isEmpty {
                    etags[name] = etag
                }
            }
        }
        return .success(etags)
    }

    /// The last segment of an href (a path or a whole URL), percent-decoded and re-encoded as `PublishEvent` names
    /// resources, so that `%40` and `@` name the same member.
    static func resourceName(_ href: String) -> String? {
        var path = Substring(href)
        if let scheme = path.range(of: "://") {
            let rest = path[scheme.upperBound...]
            path = rest[(rest.firstIndex(of: "/") ?? rest.endIndex)...]
        }
        path = path.prefix { $0 != "?" && $0 != "#" }
        guard let last = path.split(separator: "/").last, path.last != "/" else { return nil }
        let decoded = String(last).removingPercentEncoding ?? String(last)
        guard decoded.hasSuffix(".ics") else { return nil }
        return PublishEvent.resource(for: String(decoded.dropLast(4)))
    }
}
