internal import CCurl
import Foundation
import Messages

/// Fetches feeds over libcurl: http, https, webcal and local files, with timeouts, a body cap and safe redirects.
public struct FeedFetcher: Sendable {
    /// Limits applied to every transfer.
    public struct Limits: Sendable, Hashable {
        /// Seconds allowed to connect.
        public var connectTimeout: Int = 10
        /// Seconds allowed for the whole transfer.
        public var totalTimeout: Int = 30
        /// Abort when slower than `lowSpeedBytes` per second for `lowSpeedSeconds`.
        public var lowSpeedBytes: Int = 64
        /// See `lowSpeedBytes`.
        public var lowSpeedSeconds: Int = 15
        /// The largest body accepted, in bytes, after decompression (a gzip bomb stops here).
        public var maxBodyBytes: Int = 16 << 20
        /// Transfers at once.
        public var concurrency: Int = 16
        /// Connections to one host at once.
        public var perHost: Int = 4
        /// A CA bundle to trust instead of the system's.
        public var caBundle: String?

        /// The default limits.
        public init() {}

        /// The longest whole-request timeout allowed, in seconds (`--timeout` accepts 1 to this).
        public static let maxTimeoutSeconds = 3_600

        /// A timeout clamped to 1...`maxTimeoutSeconds`: libcurl reads 0 (or less) as no limit at all.
        static func bounded(_ seconds: Int) -> Int { min(max(seconds, 1), maxTimeoutSeconds) }
    }

    /// The limits in force.
    public var limits: Limits
    /// How failed transfers are retried.
    public var retry: RetryPolicy

    /// A fetcher with the given limits and retry policy.
    public init(limits: Limits = Limits(), retry: RetryPolicy = RetryPolicy()) {
        self.limits = limits
        self.retry = retry
    }

    /// Fetches one location on the transfer thread.
    public func fetch(_ location: FeedLocation) async throws(FeedError) -> FeedResponse {
        let result = await TransferEngine.perform([TransferRequest(location: location)], limits: limits, retry: retry)[
            0]
        if let error = result.error { throw error }
        return FeedResponse(
            location: location, status: result.status, contentType: result.contentType, body: result.body)
    }

    static func error(for code: CURLcode, location: FeedLocation) -> FeedError {
        let reason = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR:
            return FeedError(
                kind: .fileUnreadable, location: location.redacted,
                Message(.feedFileUnreadable))
        case CURLE_OPERATION_TIMEDOUT:
            return FeedError(
                kind: .timeout, location: location.redacted,
                Message(.feedTimedOut, ["reason": .text(reason)]))
        case CURLE_UNSUPPORTED_PROTOCOL:
            // FeedLocation already refuses bad schemes, so this is the server redirecting somewhere it may not.
            return FeedError(
                kind: .network, location: location.redacted,
                Message(.feedRedirectRefused, ["reason": .text(reason)]))
        case CURLE_TOO_MANY_REDIRECTS:
            return FeedError(
                kind: .network, location: location.redacted, Message(.feedRedirectLoop))
        default:
            return FeedError(
                kind: .network, location: location.redacted,
                Message(.feedNetworkError, ["reason": .text(reason), "code": .number(Int(code.rawValue))]))
        }
    }
}

/// Collects a response body, refusing more than `limit` bytes.
final class BodySink {
    let limit: Int
    var bytes: [UInt8] = []
    var overflowed = false

    init(limit: Int) { self.limit = limit }

    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count + chunk.count <= limit else {
            overflowed = true
            return false
        }
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// libcurl's process-wide initialisation, done once.
enum CurlGlobal {
    private static let initialized: Bool = { tiaoqi_global_init() == CURLE_OK }()

    static func ensureInitialized() { _ = initialized }
}
