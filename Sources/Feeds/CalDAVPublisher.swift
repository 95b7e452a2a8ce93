import Foundation
import Messages

/// Writes events into a CalDAV calendar collection and keeps it in step with a plan: creates what is new, updates
/// what changed, deletes what Tiaoqi wrote that the plan dropped, and never touches an event someone changed since
/// Tiaoqi wrote it (a failed precondition, 412, is reported instead) nor any event Tiaoqi did not write. One request
/// at a time, through the feed transfers (libcurl, their limits, retries and redirect rules); the record is written
/// before each write goes and after each answer, so a publish killed at any moment loses at most one answer.
public struct CalDAVPublisher: Sendable {
    /// Transfers, their limits and retries.
    public var fetcher: FeedFetcher

    /// A publisher over a fetcher.
    public init(fetcher: FeedFetcher = FeedFetcher()) { self.fetcher = fetcher }

    /// Where and as whom to publish.
    public struct Target: Sendable {
        /// The calendar collection (`http(s)://` or `caldav(s)://`); a missing final `/` is added.
        public var collection: FeedLocation
        /// `user:password` for basic auth, for the collection's host only; never printed nor recorded.
        public var credentials: String?
        /// Allow credentials over plain http.
        public var allowInsecureAuth: Bool
        /// The record file of this collection (`PublishRecord.path(for:in:)`).
        public var recordPath: String

        /// A target.
        public init(collection: FeedLocation, credentials: String?, allowInsecureAuth: Bool, recordPath: String) {
            var location = collection
            if !location.url.hasSuffix("/") {
                location.url += "/"
                location.redacted += "/"
            }
            self.collection = location
            self.credentials = credentials
            self.allowInsecureAuth = allowInsecureAuth
            self.recordPath = recordPath
        }
    }

    /// Publishes `events` (one per UID) to `target`; `inspect` says what a body read back from the server is.
    public func publish(
        _ events: [PublishEvent], to target: Target, inspect: @escaping @Sendable ([UInt8]) -> PublishInspection
    ) async -> PublishReport {
        let collection = target.collection
        var report = PublishReport(collection: collection.withoutCredentials)
        func fail(_ sentence: Message, _ kind: FeedError.Kind = .badLocation) -> PublishReport {
            report.error = FeedError(kind: kind, location: collection.redacted, sentence)
            return report
        }
        guard !collection.isFile else { return fail(Message(.publishNotHTTP)) }
        if collection.isPlainHTTP && !target.allowInsecureAuth
            && (collection.hasUserInfo || target.credentials != nil)
        {
            return fail(Message(.feedInsecureCredentials))
        }
        guard let lock = PublishLock(beside: target.recordPath) else {
            return fail(Message(.publishLocked, ["file": .text(target.recordPath + ".lock")]), .fileUnreadable)
        }
        defer { withExtendedLifetime(lock) {} }
        var record: PublishRecord
        do {
            record = try PublishRecord.read(target.recordPath, collection: collection)
        } catch {
            report.error = error
            return report
        }
        let listing = await send(CalDAVListing.request(collection), target)
        let listed: [String: String]
        if let error = listing.error, listing.status == nil || listing.status == 401 || listing.status == 403 {
            report.error = error
            return report
        }
        switch CalDAVListing.etags(status: listing.status, body: listing.body, collection: collection) {
        case .success(let etags): listed = etags
        case .failure(let error):
            report.error = error
            return report
        }
        var wanted: [String: PublishEvent] = [:]
        for event in events { wanted[event.resource] = event }
        let resources = Set(wanted.keys).union(record.entries.keys).sorted()
        for (index, resource) in resources.enumerated() {
            var task = PublishTask(
                resource: resource, wanted: wanted[resource], entry: record.entries[resource], listed: listed[resource])
            let outcome = await run(&task, target, record: &record, inspect: inspect)
            report.results.append(outcome.result)
            if let error = outcome.stop {
                // The server went away or the record cannot be kept: nothing more is decided blind.
                report.error = error
                report.results += resources[(index + 1)...].map { resource in
                    PublishResult(
                        uid: wanted[resource]?.uid ?? record.entries[resource]?.uid ?? resource, outcome: .failed,
                        reason: Message(.publishNotSent))
                }
                break
            }
        }
        report.results.sort { $0.uid < $1.uid }
        return report
    }

    /// Runs one resource's requests to the end; `stop` says why the whole publish must stop.
    private func run(
        _ task: inout PublishTask, _ target: Target, record: inout PublishRecord,
        inspect: @Sendable ([UInt8]) -> PublishInspection
    ) async -> (result: PublishResult, stop: FeedError?) {
        /// Puts the resource's entry in the record (none once deleted) and writes the record when that changed it.
        func save(_ entry: PublishRecord.Entry?) -> FeedError? {
            guard record.entries[task.resource] != entry else { return nil }
            record.entries[task.resource] = entry
            do {
                try record.write(to: target.recordPath)
                return nil
            } catch {
                return error
            }
        }
        while true {
            switch task.next() {
            case .finish(let outcome, let status, let reason):
                let stop = save(outcome == .deleted ? nil : task.entry)
                return (PublishResult(uid: task.uid, outcome: outcome, status: status, reason: reason), stop)
            case .send(let request):
                task.willSend(request)
                if let error = save(task.entry) { return (PublishResult(uid: task.uid, outcome: .failed), error) }
                let result = await send(transfer(request, task, target), target)
                if result.status == nil {
                    let error =
                        result.error
                        ?? FeedError(kind: .network, location: target.collection.redacted, Message(.calDAVNoStatus))
                    return (PublishResult(uid: task.uid, outcome: .failed, reason: error.sentence), error)
                }
                var answer = PublishAnswer(status: result.status, etag: result.etag)
                if request == .read, let status = result.status, (200..<300).contains(status) {
                    answer.inspection = inspect(result.body)
                }
                task.take(answer, for: request)
                if let error = save(task.entry) { return (PublishResult(uid: task.uid, outcome: .failed), error) }
            }
        }
    }

    /// The transfer for one request to one resource.
    private func transfer(_ request: PublishRequest, _ task: PublishTask, _ target: Target) -> TransferRequest {
        var location = target.collection
        location.url += task.resource
        location.redacted += task.resource
        var transfer = TransferRequest(location: location)
        switch request {
        case .create, .update:
            transfer.method = "PUT"
            transfer.body = task.wanted?.body ?? []
            transfer.headers = ["Content-Type: text/calendar; charset=utf-8", "Expect:"]
            if case .update(let etag) = request {
                transfer.headers.append("If-Match: \(etag)")
            } else {
                transfer.headers.append("If-None-Match: *")
            }
        case .read:
            break
        case .delete(let etag):
            transfer.method = "DELETE"
            transfer.headers = ["If-Match: \(etag)"]
        }
        return transfer
    }

    /// Sends one request with the target's credentials and redirect rule.
    private func send(_ request: TransferRequest, _ target: Target) async -> TransferResult {
        var request = request
        request.credentials = target.credentials
        request.httpsRedirectsOnly =
            (target.credentials != nil || target.collection.hasUserInfo) && !target.allowInsecureAuth
            && !target.collection.isPlainHTTP
        return await TransferEngine.perform([request], limits: fetcher.limits, retry: fetcher.retry)[0]
    }
}
