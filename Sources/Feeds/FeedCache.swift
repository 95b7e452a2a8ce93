import Foundation

/// Feed bodies on disk with their validators. Bodies are stored under their digest and the metadata, written last,
/// names the body; both are written to a temporary file and renamed, so a crash at any moment leaves either the old
/// entry or the new one, never a torn one.
public struct FeedCache: Sendable {
    /// What is known about a cached body.
    public struct Entry: Codable, Sendable, Hashable {
        /// The feed's URL, credentials removed.
        public var url: String
        /// `ETag` of the response.
        public var etag: String?
        /// `Last-Modified` of the response.
        public var lastModified: String?
        /// When the body was downloaded (seconds since 1970).
        public var fetchedAt: Double
        /// When the server last confirmed it (a 200 or a 304).
        public var validatedAt: Double
        /// `Content-Type` of the response.
        public var contentType: String?
        /// Bytes of the stored (UTF-8) body.
        public var size: Int
        /// SHA-256 of the stored body.
        public var sha256: String
    }

    /// The cache folder.
    public let folder: String

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// A cache in `folder` (created when first written).
    public init(folder: String) { self.folder = folder }

    private func key(_ location: FeedLocation) -> String { SHA256.hex(Array(location.withoutCredentials.utf8)) }
    private func metaPath(_ location: FeedLocation) -> String { (folder as NSString).appendingPathComponent("\(key(location)).json") }
    private func bodyPath(_ location: FeedLocation, digest: String) -> String {
        (folder as NSString).appendingPathComponent("\(key(location))-\(digest.prefix(16)).ics")
    }

    /// The cached entry and body, when present and intact (size and digest match).
    public func read(_ location: FeedLocation) -> (entry: Entry, body: [UInt8])? {
        guard let data = FileManager.default.contents(atPath: metaPath(location)),
            let entry = try? FeedCache.decoder.decode(Entry.self, from: data),
            let body = FileManager.default.contents(atPath: bodyPath(location, digest: entry.sha256)),
            body.count == entry.size, SHA256.hex(body) == entry.sha256
        else { return nil }
        return (entry, Array(body))
    }

    /// Stores a good body and its validators, replacing the previous entry.
    public func store(_ location: FeedLocation, body: [UInt8], etag: String?, lastModified: String?, contentType: String?, now: Double) throws {
        let digest = SHA256.hex(body)
        let previous = read(location)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicWrite.write(Data(body), to: bodyPath(location, digest: digest))
        let entry = Entry(
            url: location.withoutCredentials, etag: etag, lastModified: lastModified, fetchedAt: now, validatedAt: now,
            contentType: contentType, size: body.count, sha256: digest)
        try writeEntry(entry, for: location)
        if let previous, previous.entry.sha256 != digest {
            try? FileManager.default.removeItem(atPath: bodyPath(location, digest: previous.entry.sha256))
        }
    }

    /// Records that the server confirmed the cached body (a 304), keeping the body.
    public func confirm(_ location: FeedLocation, entry: Entry, etag: String?, lastModified: String?, now: Double) throws {
        var updated = entry
        updated.validatedAt = now
        updated.etag = etag ?? entry.etag
        updated.lastModified = lastModified ?? entry.lastModified
        try writeEntry(updated, for: location)
    }

    private func writeEntry(_ entry: Entry, for location: FeedLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try AtomicWrite.write(try encoder.encode(entry), to: metaPath(location))
    }
}

/// Temporary file in the same folder, then rename.
enum AtomicWrite {
    static func write(_ data: Data, to path: String) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
