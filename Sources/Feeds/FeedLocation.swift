import Foundation
import Messages

/// Where a feed lives: a URL to fetch, resolved from what a schedule wrote.
public struct FeedLocation: Sendable, Hashable, CustomStringConvertible {
    /// The URL handed to libcurl (`http`, `https` or `file`).
    public var url: String
    /// For display: the URL with user info removed, or the path as the schedule wrote it.
    public var redacted: String
    /// Whether this is a local file.
    public var isFile: Bool
    /// Whether this is a CalDAV collection (`caldav://` or `caldavs://`), read with a REPORT.
    public var isCalDAV: Bool = false

    /// Resolves `http(s)://`, `webcal://` (as https), `file://`, absolute paths and paths relative to `base`.
    public init(_ text: String, relativeTo base: String? = nil) throws(FeedError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw FeedError(kind: .badLocation, location: text, Message(.feedEmptyLocation))
        }
        let lower = trimmed.lowercased()
        if let schemeEnd = lower.range(of: "://") {
            let scheme = String(lower[..<schemeEnd.lowerBound])
            let rest = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: scheme.count + 3)...])
            switch scheme {
            case "http", "https": url = "\(scheme)://\(rest)"
            case "webcal", "webcals": url = "https://\(rest)"
            case "caldav": url = "http://\(rest)"
            case "caldavs": url = "https://\(rest)"
            case "file": url = "file://\(rest)"
            default:
                throw FeedError(
                    kind: .badLocation, location: FeedLocation.redact(trimmed),
                    Message(.feedUnsupportedScheme, ["scheme": .text(scheme)]))
            }
            isFile = scheme == "file"
            isCalDAV = scheme == "caldav" || scheme == "caldavs"
            redacted = FeedLocation.redact(url)
        } else {
            let path =
                trimmed.hasPrefix("/") || base == nil ? trimmed : (base! as NSString).appendingPathComponent(trimmed)
            url = URL(fileURLWithPath: (path as NSString).standardizingPath).absoluteString
            isFile = true
            redacted = trimmed
        }
    }

    /// The local path of a file location.
    public var path: String? {
        guard isFile, let parsed = URL(string: url) else { return nil }
        return parsed.path
    }

    /// The host name of a remote location, lower-cased (without port, brackets or user info); nil for a file.
    public var host: String? {
        guard !isFile, let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        var authority = afterScheme[
            ..<(afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close]).lowercased()
        }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    /// Whether the URL carries its own `user:password@` (which always wins over any other credentials).
    public var hasUserInfo: Bool { FeedLocation.redact(url) != url }

    /// Whether the URL's user info holds a password (`user:password@`), not just a user name.
    public var hasPassword: Bool { userInfo?.contains(":") ?? false }

    /// The user name of a URL that names a user but no password (`alice@host`): a hint of which credentials to use.
    public var loginHint: String? {
        guard let userInfo, !userInfo.contains(":"), !userInfo.isEmpty else { return nil }
        return userInfo.removingPercentEncoding ?? userInfo
    }

    /// The text between `://` and the last `@` of the authority, when there is one.
    private var userInfo: String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd =
            afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return nil }
        return String(afterScheme[..<at])
    }

    /// Whether the location is fetched over plain http, where credentials would travel in the clear.
    public var isPlainHTTP: Bool { url.lowercased().hasPrefix("http://") }

    /// The URL without user info, as cache keys and messages use it.
    public var withoutCredentials: String { FeedLocation.redact(url).replacingOccurrences(of: "://***@", with: "://") }

    /// `url` with `user:password@` removed.
    public static func redact(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd =
            afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        guard let at = afterScheme[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + "***@" + String(afterScheme[afterScheme.index(after: at)...])
    }

    public var description: String { redacted }
}
