/// One HTTP(S) or file transfer to make.
public struct TransferRequest: Sendable {
    /// Where to go.
    public var location: FeedLocation
    /// Extra request headers, `Name: value`.
    public var headers: [String] = []
    /// A method other than GET (CalDAV's `REPORT`).
    public var method: String?
    /// A request body, for `method`.
    public var body: [UInt8]?
    /// `user:password` for basic auth; never printed.
    public var credentials: String?
    /// Redirects may go to https only: set for a request carrying credentials that may not travel in clear text, so
    /// no libcurl version can follow an https → http redirect with them.
    public var httpsRedirectsOnly = false

    /// A GET of `location`.
    public init(location: FeedLocation) { self.location = location }
}

/// What one transfer brought back, after any retries.
public struct TransferResult: Sendable {
    /// The HTTP status of the last attempt, nil for files or when no answer came.
    public var status: Int?
    /// `Content-Type`.
    public var contentType: String?
    /// `ETag`.
    public var etag: String?
    /// `Last-Modified`.
    public var lastModified: String?
    /// The body (decompressed).
    public var body: [UInt8]
    /// The failure, when the transfer did not succeed.
    public var error: FeedError?
    /// How many attempts were made.
    public var attempts: Int
}

/// When and how often to try again.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int = 3
    /// First backoff in seconds; doubled each retry, with random jitter up to the same amount.
    public var baseDelay: Double = 0.5
    /// No retry starts later than this many seconds after the first attempt.
    public var budget: Double = 30
    /// The longest `Retry-After` honoured.
    public var maxRetryAfter: Double = 30

    /// The default policy.
    public init() {}

    /// No retries at all.
    public static let none: RetryPolicy = {
        var policy = RetryPolicy()
        policy.maxRetries = 0
        return policy
    }()
}
