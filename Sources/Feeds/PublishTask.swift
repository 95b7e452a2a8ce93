import Messages

/// A request a publish sends for one resource.
public enum PublishRequest: Sendable, Hashable {
    /// `PUT` with `If-None-Match: *`: only where nothing is.
    case create
    /// `PUT` with `If-Match`: only over the version with that ETag.
    case update(ifMatch: String)
    /// `GET`, to see what the resource holds now.
    case read
    /// `DELETE` with `If-Match`.
    case delete(ifMatch: String)
}

/// What the server answered, as far as deciding the next step needs.
public struct PublishAnswer: Sendable, Hashable {
    /// The HTTP status; nil when no answer came.
    public var status: Int?
    /// The `ETag` of the answer.
    public var etag: String?
    /// For a `read` that found the resource: what it holds.
    public var inspection: PublishInspection?

    /// An answer.
    public init(status: Int?, etag: String? = nil, inspection: PublishInspection? = nil) {
        self.status = status
        self.etag = etag
        self.inspection = inspection
    }
}

/// The next thing to do for one resource.
public enum PublishStep: Sendable, Hashable {
    /// Send a request.
    case send(PublishRequest)
    /// Done: the outcome, the status that decided it and why.
    case finish(PublishOutcome, status: Int?, reason: Message?)
}

/// One resource of a publish: the event the plan wants there (if any), what the record says Tiaoqi wrote, and what the
/// server showed so far. `next()` picks the request to send, `willSend(_:)` and `take(_:for:)` follow it; no I/O here,
/// so every path can be tested without a server. `entry` is what the record should hold after each step.
public struct PublishTask: Sendable, Hashable {
    /// What the server holds at the resource, as far as known.
    public enum Server: Sendable, Hashable {
        /// Nothing (absent from the listing, or a 404).
        case absent
        /// Something, with this ETag (from the listing).
        case listed(etag: String)
        /// Not what Tiaoqi expected (a precondition failed): to be read.
        case unknown
        /// Read back: its ETag and what it is.
        case read(etag: String?, PublishInspection)
    }

    /// The resource name.
    public let resource: String
    /// The event the plan wants there; nil when the plan dropped it.
    public let wanted: PublishEvent?
    /// What the record says Tiaoqi wrote there; updated as answers come, nil once deleted.
    public private(set) var entry: PublishRecord.Entry?
    /// What the server holds.
    public private(set) var server: Server
    /// Requests sent so far.
    public private(set) var sent = 0
    private var triedCreate = false
    private var preconditionStatus: Int?
    private var done: PublishStep?

    /// At most this many requests for one resource: a server that keeps changing it gets a failure, not a loop.
    public static let maximumRequests = 5

    /// A task from the plan's event, the record's entry and the listing's ETag (nil: not listed).
    public init(resource: String, wanted: PublishEvent?, entry: PublishRecord.Entry?, listed etag: String?) {
        self.resource = resource
        self.wanted = wanted
        self.entry = entry
        self.server = etag.map { .listed(etag: $0) } ?? .absent
    }

    /// The UID the results name.
    public var uid: String { wanted?.uid ?? entry?.uid ?? resource }

    /// The next step.
    public func next() -> PublishStep {
        if let done { return done }
        if sent >= PublishTask.maximumRequests {
            return .finish(.failed, status: nil, reason: Message(.publishKeepsChanging))
        }
        if server == .unknown { return .send(.read) }
        return wanted.map(nextWrite) ?? nextDelete()
    }

    /// Where the plan wants an event.
    private func nextWrite(_ wanted: PublishEvent) -> PublishStep {
        let written = entry?.digest
        switch server {
        case .absent:
            // Deleted in the calendar since Tiaoqi wrote it: that stands while the plan says the same thing.
            if written == wanted.digest { return .finish(.kept, status: nil, reason: Message(.publishKeptDeleted)) }
            if triedCreate { return .finish(.failed, status: nil, reason: Message(.publishKeepsChanging)) }
            return .send(.create)
        case .listed(let etag):
            guard let known = entry?.etag, written != nil else { return .send(.create) }
            if known == etag {
                return written == wanted.digest
                    ? .finish(.unchanged, status: nil, reason: nil) : .send(.update(ifMatch: etag))
            }
            // Changed since Tiaoqi's last write, or Tiaoqi's own write whose answer was lost: the server decides a
            // write (If-Match), a read tells which it is when there is nothing to write.
            return written == wanted.digest ? .send(.read) : .send(.update(ifMatch: known))
        case .unknown:
            return .send(.read)
        case .read(let etag, .tiaoqi(let digest)):
            if digest == wanted.digest { return .finish(.unchanged, status: nil, reason: nil) }
            guard let etag else { return .finish(.failed, status: nil, reason: Message(.publishNoETag)) }
            return .send(.update(ifMatch: etag))
        case .read(_, .foreign):
            if written == wanted.digest { return .finish(.kept, status: nil, reason: Message(.publishKeptChanged)) }
            return .finish(.refused, status: preconditionStatus, reason: Message(.publishRefusedChanged))
        }
    }

    /// Where the plan has nothing: only a resource the record names is here.
    private func nextDelete() -> PublishStep {
        switch server {
        case .absent:
            return .finish(.deleted, status: nil, reason: nil)
        case .listed:
            // The server decides (If-Match): a 412 means it changed since Tiaoqi wrote it, and is read first.
            if let known = entry?.etag, entry?.digest != nil { return .send(.delete(ifMatch: known)) }
            return .send(.read)
        case .unknown:
            return .send(.read)
        case .read(let etag, .tiaoqi):
            guard let etag else { return .finish(.failed, status: nil, reason: Message(.publishNoETag)) }
            return .send(.delete(ifMatch: etag))
        case .read(_, .foreign):
            // Never written by Tiaoqi after all (a first write killed before it landed): not Tiaoqi's to delete.
            if entry?.digest == nil { return .finish(.unchanged, status: nil, reason: nil) }
            return .finish(.refused, status: preconditionStatus, reason: Message(.publishRefusedDropped))
        }
    }

    /// Counts a request about to be sent; a write leaves its digest as `pending` in the entry, to be saved before the
    /// request goes, so a publish killed before the answer still knows the resource may be Tiaoqi's.
    public mutating func willSend(_ request: PublishRequest) {
        sent += 1
        switch request {
        case .create, .update: break
        case .read, .delete: return
        }
        guard let wanted else { return }
        if entry == nil { entry = PublishRecord.Entry(uid: wanted.uid) }
        entry?.pending = wanted.digest
        if request == .create { triedCreate = true }
    }

    /// Learns from the answer to `request`.
    public mutating func take(_ answer: PublishAnswer, for request: PublishRequest) {
        guard let status = answer.status else {
            done = .finish(.failed, status: nil, reason: nil)
            return
        }
        switch (request, status) {
        case (.create, 200..<300), (.update, 200..<300):
            entry = PublishRecord.Entry(uid: wanted!.uid, etag: answer.etag, digest: wanted!.digest)
            done = .finish(request == .create ? .created : .updated, status: status, reason: nil)
        case (.create, 412), (.update, 412), (.update, 404), (.delete, 412):
            // Not what Tiaoqi expected there: nothing was written; read what it is.
            preconditionStatus = status
            entry?.pending = nil
            server = .unknown
        case (.read, 200..<300):
            let inspection = answer.inspection ?? .foreign
            server = .read(etag: answer.etag, inspection)
            if case .tiaoqi(let digest) = inspection {
                // Tiaoqi's own content, unchanged since written (its digest says so): adopt it.
                entry = PublishRecord.Entry(uid: uid, etag: answer.etag, digest: digest)
            } else if wanted == nil && entry?.digest == nil {
                // A first write that never landed, and someone else's event there: not Tiaoqi's, forget it.
                entry = nil
            }
        case (.read, 404), (.read, 410):
            server = .absent
            if wanted == nil { entry = nil }
        case (.delete, 200..<300), (.delete, 404), (.delete, 410):
            entry = nil
            done = .finish(.deleted, status: status, reason: nil)
        default:
            let key: MessageKey = status == 401 || status == 403 ? .feedHTTPRefused : .feedHTTPStatus
            done = .finish(.failed, status: status, reason: Message(key, ["status": .number(status)]))
        }
    }
}
