internal import CCurl
import Foundation

/// Fetches feeds over libcurl: http, https, webcal and local files, with timeouts and a body cap.
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
        /// The largest body accepted, in bytes (after decompression).
        public var maxBodyBytes: Int = 16 << 20

        /// The default limits.
        public init() {}
    }

    /// The limits in force.
    public var limits: Limits

    /// A fetcher with the given limits.
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Fetches one location on a thread of its own, so the transfer never blocks Swift's cooperative pool.
    public func fetch(_ location: FeedLocation) async throws(FeedError) -> FeedResponse {
        let result: Result<FeedResponse, FeedError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(FeedError) {
                    continuation.resume(returning: .success(try fetchBlocking(location)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.name = "tiaoqi-feed"
            thread.start()
        }
        return try result.get()
    }

    /// Fetches one location, blocking the calling thread for the transfer; never call it from async code.
    public func fetchBlocking(_ location: FeedLocation) throws(FeedError) -> FeedResponse {
        CurlGlobal.ensureInitialized()
        guard let handle = curl_easy_init() else {
            throw FeedError(kind: .network, location: location.redacted, message: "libcurl could not create a handle")
        }
        defer { curl_easy_cleanup(handle) }
        let sink = BodySink(limit: limits.maxBodyBytes)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }

        tiaoqi_easy_setopt_string(handle, CURLOPT_URL, location.url)
        tiaoqi_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        tiaoqi_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")
        tiaoqi_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        tiaoqi_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        tiaoqi_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        tiaoqi_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, limits.connectTimeout)
        tiaoqi_easy_setopt_long(handle, CURLOPT_TIMEOUT, limits.totalTimeout)
        tiaoqi_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytes)
        tiaoqi_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds)
        tiaoqi_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes))
        tiaoqi_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        tiaoqi_easy_setopt_string(handle, CURLOPT_USERAGENT, "tiaoqi/0.1 (+calendar feeds)")
        tiaoqi_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        tiaoqi_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        tiaoqi_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context.toOpaque())
        tiaoqi_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
            guard let userdata, let data else { return 0 }
            let sink = Unmanaged<BodySink>.fromOpaque(userdata).takeUnretainedValue()
            return sink.append(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }

        let code = curl_easy_perform(handle)
        var status = 0
        tiaoqi_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var typePointer: UnsafeMutablePointer<CChar>?
        tiaoqi_easy_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &typePointer)
        let contentType = typePointer.map { String(cString: $0) }

        if sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            throw FeedError(
                kind: .tooLarge, location: location.redacted,
                message: "the body is larger than \(limits.maxBodyBytes) bytes; raise the limit only if the feed is really that big")
        }
        guard code == CURLE_OK else { throw Self.error(for: code, location: location, limits: limits) }
        if !location.isFile && status >= 400 {
            throw FeedError(
                kind: .httpStatus, location: location.redacted,
                message: "the server answered HTTP \(status); check the URL and credentials", status: status)
        }
        return FeedResponse(location: location, status: location.isFile ? nil : status, contentType: contentType, body: sink.bytes)
    }

    private static func error(for code: CURLcode, location: FeedLocation, limits: Limits) -> FeedError {
        let reason = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR:
            return FeedError(kind: .fileUnreadable, location: location.redacted, message: "cannot read the file; check that it exists")
        case CURLE_OPERATION_TIMEDOUT:
            return FeedError(kind: .timeout, location: location.redacted, message: "timed out (\(reason)); the server is slow or unreachable")
        case CURLE_UNSUPPORTED_PROTOCOL:
            return FeedError(kind: .badLocation, location: location.redacted, message: "refused: \(reason) (only http and https may be followed)")
        default:
            return FeedError(kind: .network, location: location.redacted, message: "\(reason) (curl error \(code.rawValue))")
        }
    }
}

/// Collects a response body, refusing more than `limit` bytes.
private final class BodySink {
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
