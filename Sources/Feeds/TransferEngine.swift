internal import CCurl
import Foundation
import Messages

/// Runs many transfers at once on one curl multi handle, driven from a thread of its own so that Swift's
/// cooperative pool never blocks on the network.
public enum TransferEngine {
    /// Performs `requests` concurrently (at most `limits.concurrency` at once, `limits.perHost` per host), retrying
    /// as `retry` allows; `finished` hears each result as it completes (on the transfer thread) and `progress`
    /// hears (done, total). Results come in request order.
    public static func perform(
        _ requests: [TransferRequest], limits: FeedFetcher.Limits, retry: RetryPolicy,
        progress: (@Sendable (Int, Int) -> Void)? = nil, finished: (@Sendable (Int, TransferResult) -> Void)? = nil
    ) async -> [TransferResult] {
        guard !requests.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let runner = MultiRunner(
                    requests: requests, limits: limits, retry: retry, progress: progress, finished: finished)
                continuation.resume(returning: runner.run())
            }
            thread.name = "tiaoqi-transfers"
            thread.start()
        }
    }
}

/// One transfer in flight: its easy handle, the body arriving, and how many times it was tried.
private final class Job {
    let request: TransferRequest
    var handle: UnsafeMutableRawPointer?
    var sink: BodySink
    var headerList: UnsafeMutablePointer<curl_slist>?
    var attempts = 0
    var notBefore: Double = 0
    var firstStart: Double?
    var result: TransferResult?

    init(request: TransferRequest, limit: Int) {
        self.request = request
        self.sink = BodySink(limit: limit)
    }
}

/// Drives a curl multi handle until every job has a result.
private final class MultiRunner {
    private let jobs: [Job]
    private let limits: FeedFetcher.Limits
    private let retry: RetryPolicy
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let finished: (@Sendable (Int, TransferResult) -> Void)?
    private let started = MultiRunner.now()

    init(
        requests: [TransferRequest], limits: FeedFetcher.Limits, retry: RetryPolicy,
        progress: (@Sendable (Int, Int) -> Void)?,
        finished: (@Sendable (Int, TransferResult) -> Void)?
    ) {
        self.jobs = requests.map { Job(request: $0, limit: limits.maxBodyBytes) }
        self.limits = limits
        self.retry = retry
        self.progress = progress
        self.finished = finished
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func run() -> [TransferResult] {
        CurlGlobal.ensureInitialized()
        guard let multi = curl_multi_init() else {
            return jobs.map { job in
                TransferResult(
                    body: [],
                    error: FeedError(
                        kind: .network, location: job.request.location.redacted, Message(.feedCurlNoStart)),
                    attempts: 0)
            }
        }
        defer { curl_multi_cleanup(multi) }
        tiaoqi_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, limits.perHost)
        tiaoqi_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, limits.concurrency)
        var waiting = Array(jobs.indices)
        var active: [UnsafeMutableRawPointer: Int] = [:]
        var done = 0
        while done < jobs.count {
            let now = MultiRunner.now()
            while active.count < limits.concurrency,
                let index = waiting.firstIndex(where: { jobs[$0].notBefore <= now })
            {
                let number = waiting.remove(at: index)
                if let handle = start(jobs[number]) {
                    active[handle] = number
                    curl_multi_add_handle(multi, handle)
                } else {
                    done += 1
                    finished?(number, jobs[number].result!)
                    progress?(done, jobs.count)
                }
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let number = active[handle]
                else { continue }
                let code = tiaoqi_message_result(message)
                curl_multi_remove_handle(multi, handle)
                active[handle] = nil
                let job = jobs[number]
                if let delay = finish(job, code: code) {
                    job.notBefore = MultiRunner.now() + delay
                    waiting.append(number)
                } else {
                    done += 1
                    finished?(number, job.result!)
                    progress?(done, jobs.count)
                }
            }
            if done == jobs.count { break }
            var timeout = 200.0
            if active.isEmpty, let next = waiting.map({ jobs[$0].notBefore }).min() {
                timeout = max(1, (next - MultiRunner.now()) * 1000)
            }
            curl_multi_poll(multi, nil, 0, Int32(min(timeout, 1000)), nil)
        }
        return jobs.map { $0.result! }
    }

    /// Configures a fresh easy handle for the job's next attempt.
    private func start(_ job: Job) -> UnsafeMutableRawPointer? {
        guard let handle = curl_easy_init() else {
            job.result = TransferResult(
                body: [],
                error: FeedError(
                    kind: .network, location: job.request.location.redacted,
                    Message(.feedCurlNoHandle)), attempts: job.attempts)
            return nil
        }
        job.attempts += 1
        if job.firstStart == nil { job.firstStart = MultiRunner.now() }
        job.sink = BodySink(limit: limits.maxBodyBytes)
        job.handle = handle
        let request = job.request
        tiaoqi_easy_setopt_string(handle, CURLOPT_URL, request.location.url)
        tiaoqi_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        tiaoqi_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https,file")
        tiaoqi_easy_setopt_string(
            handle, CURLOPT_REDIR_PROTOCOLS_STR, request.httpsRedirectsOnly ? "https" : "http,https")
        tiaoqi_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        tiaoqi_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        // 0 means "no limit" to libcurl: the bounds are clamped so that no setting can turn them off.
        tiaoqi_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, FeedFetcher.Limits.bounded(limits.connectTimeout))
        tiaoqi_easy_setopt_long(handle, CURLOPT_TIMEOUT, FeedFetcher.Limits.bounded(limits.totalTimeout))
        tiaoqi_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytes)
        tiaoqi_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.lowSpeedSeconds)
        tiaoqi_easy_setopt_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes))
        tiaoqi_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        tiaoqi_easy_setopt_string(handle, CURLOPT_USERAGENT, "tiaoqi/0.1 (+calendar feeds)")
        tiaoqi_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        tiaoqi_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        // Credentials are chosen per host by the caller (netrc files included), never by libcurl on its own.
        tiaoqi_easy_setopt_long(handle, CURLOPT_NETRC, Int(CURL_NETRC_IGNORED.rawValue))
        // libcurl's default, set so no one turns it on: after a redirect to another host, port or scheme no
        // credentials are sent (libcurl ≥ 7.83 compares all three).
        tiaoqi_easy_setopt_long(handle, CURLOPT_UNRESTRICTED_AUTH, 0)
        if let bundle = limits.caBundle { tiaoqi_easy_setopt_string(handle, CURLOPT_CAINFO, bundle) }
        // A URL's own user:password@ wins: CURLOPT_USERPWD would override it. (A URL naming only a user gets that
        // user's password from the caller, as `user:password`.)
        if let credentials = request.credentials, !request.location.hasPassword {
            tiaoqi_easy_setopt_string(handle, CURLOPT_USERPWD, credentials)
            tiaoqi_easy_setopt_long(handle, CURLOPT_HTTPAUTH, 1)  // CURLAUTH_BASIC
        }
        if let method = request.method { tiaoqi_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method) }
        if let body = request.body {
            // Keep the method and body across 301/302/303 redirects (a CalDAV REPORT must stay a REPORT).
            tiaoqi_easy_setopt_long(handle, CURLOPT_POSTREDIR, 7)  // CURL_REDIR_POST_ALL
            tiaoqi_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            tiaoqi_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, String(decoding: body, as: UTF8.self))
        }
        if let list = job.headerList { curl_slist_free_all(list) }
        job.headerList = nil
        for header in request.headers { job.headerList = curl_slist_append(job.headerList, header) }
        if let list = job.headerList { tiaoqi_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list) }
        tiaoqi_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(job.sink).toOpaque())
        tiaoqi_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let context, let data else { return 0 }
            let sink = Unmanaged<BodySink>.fromOpaque(context).takeUnretainedValue()
            return sink.append(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }
        return handle
    }

    /// Records the attempt's outcome; returns a delay when it should be tried again.
    private func finish(_ job: Job, code: CURLcode) -> Double? {
        guard let handle = job.handle else { return nil }
        defer {
            curl_easy_cleanup(handle)
            job.handle = nil
            if job.result != nil, let list = job.headerList {
                curl_slist_free_all(list)
                job.headerList = nil
            }
        }
        var status = 0
        tiaoqi_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        func header(_ name: String) -> String? { tiaoqi_response_header(handle, name).map { String(cString: $0) } }
        var typePointer: UnsafeMutablePointer<CChar>?
        tiaoqi_easy_getinfo_string(handle, CURLINFO_CONTENT_TYPE, &typePointer)
        let location = job.request.location
        let isFile = location.isFile
        var result = TransferResult(
            status: isFile || status == 0 ? nil : status, contentType: typePointer.map { String(cString: $0) },
            etag: isFile ? nil : header("ETag"), lastModified: isFile ? nil : header("Last-Modified"),
            body: job.sink.bytes,
            error: nil, attempts: job.attempts)
        var retryAfter: Double?
        if job.sink.overflowed || code == CURLE_FILESIZE_EXCEEDED {
            result.error = FeedError(
                kind: .tooLarge, location: location.redacted,
                Message(.feedTooLarge, ["bytes": .number(limits.maxBodyBytes)]))
        } else if code != CURLE_OK {
            result.error = FeedFetcher.error(for: code, location: location)
            if [
                CURLE_OPERATION_TIMEDOUT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
                CURLE_COULDNT_CONNECT,
            ]
            .contains(code) {
                retryAfter = 0
            }
        } else if !isFile && status >= 400 {
            result.error = FeedError(
                kind: .httpStatus, location: location.redacted,
                Message(
                    status == 401 || status == 403 ? .feedHTTPRefused : .feedHTTPStatus, ["status": .number(status)]),
                status: status)
            if status == 429 || status == 503 {
                retryAfter = header("Retry-After").flatMap(RetryAfter.seconds) ?? 0
            } else if status >= 500 {
                retryAfter = 0
            }
        }
        if let retryAfter, job.attempts <= retry.maxRetries {
            let backoff = retry.baseDelay * pow(2, Double(job.attempts - 1))
            let delay = retryAfter > 0 ? retryAfter : backoff + Double.random(in: 0...backoff)
            if retryAfter <= retry.maxRetryAfter
                && MultiRunner.now() + delay - (job.firstStart ?? started) <= retry.budget
            {
                return delay
            }
        }
        job.result = result
        return nil
    }
}

/// Reads a `Retry-After` header: delay seconds or an HTTP date.
enum RetryAfter {
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }
}
