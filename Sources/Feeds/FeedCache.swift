import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Feed bodies on disk with their validators: one file per feed, a JSON line of metadata and then the body, written
/// to a temporary file and renamed, so a crash at any moment leaves either the old entry or the new one whole. The
/// metadata carries the body's size and SHA-256, and a read that does not match is no entry at all.
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

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// A cache in `folder` (created when first written).
    public init(folder: String) { self.folder = folder }

    /// The file holding a feed's entry.
    public func path(for location: FeedLocation) -> String {
        (folder as NSString).appendingPathComponent("\(SHA256.hex(Array(location.withoutCredentials.utf8))).feed")
    }

    /// The cached entry and body, when present and intact (size and digest match).
    public func read(_ location: FeedLocation) -> (entry: Entry, body: [UInt8])? {
        guard let data = FileManager.default.contents(atPath: path(for: location)),
            let newline = data.firstIndex(of: 0x0A),
            let entry = try? FeedCache.decoder.decode(Entry.self, from: data[data.startIndex..<newline])
        else { return nil }
        let body = Array(data[(newline + 1)...])
        guard body.count == entry.size, SHA256.hex(body) == entry.sha256 else { return nil }
        return (entry, body)
    }

    /// Stores a good body and its validators, replacing the previous entry.
    public func store(
        _ location: FeedLocation, body: [UInt8], etag: String?, lastModified: String?, contentType: String?, now: Double
    ) throws {
        let entry = Entry(
            url: location.withoutCredentials, etag: etag, lastModified: lastModified, fetchedAt: now, validatedAt: now,
            contentType: contentType, size: body.count, sha256: SHA256.hex(body))
        try write(entry, body: body, for: location)
    }

    /// A server's confirmation (a 304) of a cached body, kept apart from the body so that confirming many feeds is
    /// one small write.
    public struct Confirmation: Codable, Sendable, Hashable {
        public var validatedAt: Double
        public var etag: String?
        public var lastModified: String?
    }

    private var confirmationsPath: String { (folder as NSString).appendingPathComponent("confirmations.json") }

    /// Confirmations recorded so far, by entry file name.
    public func confirmations() -> [String: Confirmation] {
        guard let data = FileManager.default.contents(atPath: confirmationsPath),
            let table = try? FeedCache.decoder.decode([String: Confirmation].self, from: data)
        else { return [:] }
        return table
    }

    /// Records that the servers confirmed these cached bodies (304s), in one atomic write.
    public func confirm(_ confirmed: [(location: FeedLocation, confirmation: Confirmation)]) throws {
        guard !confirmed.isEmpty else { return }
        var table = confirmations()
        for (location, confirmation) in confirmed {
            table[(path(for: location) as NSString).lastPathComponent] = confirmation
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicWrite.write(try FeedCache.encoder.encode(table), to: confirmationsPath)
    }

    /// The entry with a later confirmation applied.
    public func applying(_ confirmations: [String: Confirmation], to entry: Entry, of location: FeedLocation) -> Entry {
        guard let confirmation = confirmations[(path(for: location) as NSString).lastPathComponent],
            confirmation.validatedAt > entry.validatedAt
        else { return entry }
        var updated = entry
        updated.validatedAt = confirmation.validatedAt
        updated.etag = confirmation.etag ?? entry.etag
        updated.lastModified = confirmation.lastModified ?? entry.lastModified
        return updated
    }

    private func write(_ entry: Entry, body: [UInt8], for location: FeedLocation) throws {
        var data = try FeedCache.encoder.encode(entry)
        data.append(0x0A)
        data.append(contentsOf: body)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicWrite.write(data, to: path(for: location))
    }
}

/// Writes a file so a reader never sees half of it: a temporary file in the same folder, then a rename.
public enum AtomicWrite {
    /// Writes `data` to `path`; the folder must exist.
    public static func write(_ data: Data, to path: String) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Plain POSIX writes: a process killed at any point leaves at most a stray temporary file, and the rename
        // makes the new file appear whole. (No fsync: this guards against crashes of the program, not of the disk.)
        let descriptor = open(temporary, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
