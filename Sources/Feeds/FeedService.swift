import Foundation
import Messages

/// A feed to fetch: where, with which credentials, and for CalDAV the time range to ask for.
public struct FeedSource: Sendable, Hashable {
    /// Where the feed is.
    public var location: FeedLocation
    /// `user:password` for basic auth, meant for this location's host only; ignored when the URL has its own
    /// `user:password@`. No netrc file is read here: the caller picks the credentials for the host.
    public var credentials: String?
    /// The planning window, for a CalDAV time-range query (UTC `YYYYMMDDTHHMMSSZ`).
    public var window: (start: String, end: String)?
    /// Allow credentials (given or in the URL) over plain http; otherwise such a fetch is refused.
    public var allowInsecureAuth: Bool

    /// A feed at a location.
    public init(
        location: FeedLocation, credentials: String? = nil, window: (start: String, end: String)? = nil,
        allowInsecureAuth: Bool = false
    ) {
        self.location = location
        self.credentials = credentials
        self.window = window
        self.allowInsecureAuth = allowInsecureAuth
    }

    /// Why this source may not be fetched as it stands: credentials would travel over plain http.
    public var insecureAuthProblem: Message? {
        guard location.isPlainHTTP, !allowInsecureAuth, location.hasUserInfo || credentials != nil else { return nil }
        return Message(.feedInsecureCredentials)
    }

    /// The location the cache files this feed under: a CalDAV answer depends on the window asked for.
    var cacheLocation: FeedLocation {
        guard location.isCalDAV, let window else { return location }
        var keyed = location
        keyed.url += "#\(window.start)-\(window.end)"
        return keyed
    }

    public static func == (lhs: FeedSource, rhs: FeedSource) -> Bool {
        lhs.location == rhs.location && lhs.credentials == rhs.credentials && lhs.window?.start == rhs.window?.start
            && lhs.window?.end == rhs.window?.end && lhs.allowInsecureAuth == rhs.allowInsecureAuth
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(location) }
}

/// How one feed was obtained.
public struct FeedReport: Sendable {
    /// Where the copy in use came from.
    public enum Outcome: String, Sendable, Codable {
        /// Downloaded now.
        case fresh
        /// The server confirmed the cached copy (304).
        case notModified = "not-modified"
        /// The fetch failed or was skipped (`--offline`); the cached copy is used.
        case stale
        /// Neither a download nor a cached copy.
        case failed
    }

    /// The feed.
    public var location: FeedLocation
    /// The outcome.
    public var outcome: Outcome
    /// The HTTP status of the last answer, nil for files and when none came.
    public var status: Int?
    /// The body in use, as UTF-8; nil when failed.
    public var body: [UInt8]?
    /// Seconds since the copy in use was last confirmed by its server (0 when fresh).
    public var ageSeconds: Int?
    /// What went wrong, if anything (a stale copy carries the reason it is stale).
    public var error: FeedError?
}

/// Fetches many feeds at once through a cache: conditional requests, validation before a body replaces the cached
/// copy, and stale copies when the network fails.
public struct FeedService: Sendable {
    /// Transfers.
    public var fetcher: FeedFetcher
    /// Where good copies are kept; nil for no cache.
    public var cache: FeedCache?
    /// Use the cache only.
    public var offline: Bool
    /// Use a cached copy without asking the server; fetch only feeds that have none.
    public var cacheFirst: Bool

    /// A service over a fetcher and a cache.
    public init(
        fetcher: FeedFetcher = FeedFetcher(), cache: FeedCache? = nil, offline: Bool = false, cacheFirst: Bool = false
    ) {
        self.fetcher = fetcher
        self.cache = cache
        self.offline = offline
        self.cacheFirst = cacheFirst
    }

    /// Fetches every source; `validate` returns nil for a usable body (UTF-8) or the reason it is not. A body that
    /// fails, is cut short, is over a limit or does not validate never replaces a cached copy.
    public func fetch(
        _ sources: [FeedSource], validate: @escaping @Sendable ([UInt8]) -> Message?,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async -> [FeedReport] {
        let now = Date().timeIntervalSince1970
        var reports = [FeedReport?](repeating: nil, count: sources.count)
        var requests: [TransferRequest] = []
        var requestIndex: [Int] = []
        var cached: [Int: (entry: FeedCache.Entry, body: [UInt8])] = [:]
        let confirmations = cache?.confirmations() ?? [:]
        for (index, source) in sources.enumerated() {
            let location = source.location
            if !location.isFile, let cache, let copy = cache.read(source.cacheLocation) {
                cached[index] = (cache.applying(confirmations, to: copy.entry, of: source.cacheLocation), copy.body)
            }
            if let problem = source.insecureAuthProblem {
                let error = FeedError(kind: .badLocation, location: location.redacted, problem)
                reports[index] =
                    cached[index].map { copy in
                        FeedReport(
                            location: location, outcome: .stale, status: nil, body: copy.body,
                            ageSeconds: Int(now - copy.entry.validatedAt), error: error)
                    }
                    ?? FeedReport(
                        location: location, outcome: .failed, status: nil, body: nil, ageSeconds: nil, error: error)
                continue
            }
            if (offline || (cacheFirst && cached[index] != nil)) && !location.isFile {
                if let copy = cached[index] {
                    reports[index] = FeedReport(
                        location: location, outcome: .stale, status: nil, body: copy.body,
                        ageSeconds: Int(now - copy.entry.validatedAt),
                        error: offline
                            ? FeedError(
                                kind: .network, location: location.redacted, Message(.feedOfflineNotFetched)) : nil)
                } else {
                    reports[index] = FeedReport(
                        location: location, outcome: .failed, status: nil, body: nil, ageSeconds: nil,
                        error: FeedError(
                            kind: .network, location: location.redacted,
                            Message(.feedOfflineNoCopy)))
                }
                continue
            }
            var request = TransferRequest(location: location)
            request.credentials = source.credentials
            request.httpsRedirectsOnly =
                (source.credentials != nil || location.hasUserInfo) && !source.allowInsecureAuth
                && !location.isPlainHTTP
            if let copy = cached[index] {
                if let etag = copy.entry.etag { request.headers.append("If-None-Match: \(etag)") }
                if let modified = copy.entry.lastModified { request.headers.append("If-Modified-Since: \(modified)") }
            }
            if location.isCalDAV { CalDAV.prepare(&request, window: source.window) }
            requests.append(request)
            requestIndex.append(index)
        }
        // Each transfer is settled (and cached) as soon as it completes, so an interrupted run keeps what it got.
        let settled = Settled()
        let service = self
        let cachedCopies = cached
        let indices = requestIndex
        _ = await TransferEngine.perform(
            requests, limits: fetcher.limits, retry: fetcher.retry, progress: progress,
            finished: { number, result in
                let index = indices[number]
                let report = service.settle(
                    sources[index], result: result, cached: cachedCopies[index], now: Date().timeIntervalSince1970,
                    validate: validate,
                    confirmed: settled)
                settled.put(index, report)
            })
        for (index, report) in settled.all() { reports[index] = report }
        try? cache?.confirm(settled.confirmed())
        return reports.map { $0! }
    }

    fileprivate func settle(
        _ source: FeedSource, result: TransferResult, cached: (entry: FeedCache.Entry, body: [UInt8])?, now: Double,
        validate: @Sendable ([UInt8]) -> Message?, confirmed: Settled? = nil
    ) -> FeedReport {
        let location = source.location
        func stale(_ error: FeedError) -> FeedReport {
            guard let cached else {
                return FeedReport(
                    location: location, outcome: .failed, status: result.status, body: nil, ageSeconds: nil,
                    error: error)
            }
            return FeedReport(
                location: location, outcome: .stale, status: result.status, body: cached.body,
                ageSeconds: Int(now - cached.entry.validatedAt),
                error: error)
        }
        if let error = result.error { return stale(error) }
        if result.status == 304, let cached {
            confirmed?.add(
                source.cacheLocation,
                FeedCache.Confirmation(validatedAt: now, etag: result.etag, lastModified: result.lastModified))
            return FeedReport(
                location: location, outcome: .notModified, status: 304, body: cached.body, ageSeconds: 0, error: nil)
        }
        var response = FeedResponse(
            location: location, status: result.status, contentType: result.contentType, body: result.body)
        if location.isCalDAV {
            switch CalDAV.calendar(status: result.status, body: result.body, location: location) {
            case .success(let calendar): response.body = calendar
            case .failure(let error): return stale(error)
            }
            response.contentType = "text/calendar; charset=utf-8"
        }
        let body: [UInt8]
        do {
            body = try response.utf8Body()
        } catch {
            return stale(error)
        }
        if !location.isFile, let reason = validate(body) {
            return stale(
                FeedError(
                    kind: .undecodable, location: location.redacted,
                    Message(.feedNotACalendar, ["reason": .message(reason)]), status: result.status))
        }
        if !location.isFile, let cache {
            do {
                try cache.store(
                    source.cacheLocation, body: body, etag: result.etag, lastModified: result.lastModified,
                    contentType: result.contentType, now: now)
            } catch {
                return FeedReport(
                    location: location, outcome: .fresh, status: result.status, body: body, ageSeconds: 0,
                    error: FeedError(
                        kind: .network, location: location.redacted,
                        Message(.feedCacheNotWritten, ["reason": .text(error.localizedDescription)])))
            }
        }
        return FeedReport(
            location: location, outcome: .fresh, status: result.status, body: body, ageSeconds: 0, error: nil)
    }
}

/// Reports settled on the transfer thread, read back once the batch is done.
private final class Settled: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Int: FeedReport] = [:]
    private var confirmations: [(location: FeedLocation, confirmation: FeedCache.Confirmation)] = []

    func add(_ location: FeedLocation, _ confirmation: FeedCache.Confirmation) {
        lock.lock()
        confirmations.append((location, confirmation))
        lock.unlock()
    }

    func confirmed() -> [(location: FeedLocation, confirmation: FeedCache.Confirmation)] {
        lock.lock()
        defer { lock.unlock() }
        return confirmations
    }

    func put(_ index: Int, _ report: FeedReport) {
        lock.lock()
        reports[index] = report
        lock.unlock()
    }

    func all() -> [Int: FeedReport] {
        lock.lock()
        defer { lock.unlock() }
        return reports
    }
}
