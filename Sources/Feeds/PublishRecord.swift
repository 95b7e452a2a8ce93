import Foundation
import Messages

#if canImport(Glibc)
    import Glibc
#endif

/// What Tiaoqi wrote into one calendar collection: per resource, the ETag the server gave and the digest of what was
/// written. Only resources named here are ever updated or deleted; anything else in the calendar is not Tiaoqi's.
public struct PublishRecord: Sendable, Hashable, Codable {
    /// One resource Tiaoqi wrote, or was about to write.
    public struct Entry: Sendable, Hashable, Codable {
        /// The event's UID.
        public var uid: String
        /// The ETag the server gave for Tiaoqi's last write (nil when it gave none).
        public var etag: String?
        /// The digest of what Tiaoqi last wrote; nil while the first write's answer is unknown.
        public var digest: String?
        /// The digest of a write sent but not yet answered: a publish killed meanwhile leaves it here, so the next one
        /// knows the resource may be Tiaoqi's.
        public var pending: String?

        /// An entry.
        public init(uid: String, etag: String? = nil, digest: String? = nil, pending: String? = nil) {
            self.uid = uid
            self.etag = etag
            self.digest = digest
            self.pending = pending
        }
    }

    /// The record's format.
    public var version = 1
    /// The collection's URL, credentials removed.
    public var collection: String
    /// Entries by resource name.
    public var entries: [String: Entry] = [:]

    /// An empty record for a collection.
    public init(collection: String) { self.collection = collection }

    /// The file that holds the record of `collection` in `folder`: named by the SHA-256 of its URL without credentials.
    public static func path(for collection: FeedLocation, in folder: String) -> String {
        let name = String(SHA256.hex(Array(collection.withoutCredentials.utf8)).prefix(32))
        return (folder as NSString).appendingPathComponent("\(name).json")
    }

    /// Reads the record at `path`; no file is an empty record, a file that cannot be read is an error (it is never
    /// replaced by a guess).
    public static func read(_ path: String, collection: FeedLocation) throws(FeedError) -> PublishRecord {
        guard FileManager.default.fileExists(atPath: path) else {
            return PublishRecord(collection: collection.withoutCredentials)
        }
        guard let data = FileManager.default.contents(atPath: path),
            let record = try? JSONDecoder().decode(PublishRecord.self, from: data), record.version == 1
        else {
            throw FeedError(
                kind: .undecodable, location: collection.redacted,
                Message(.publishRecordUnreadable, ["file": .text(path)]))
        }
        return record
    }

    /// Writes the record to `path` whole: a temporary file, then a rename.
    public func write(to path: String) throws(FeedError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicWrite.write(try encoder.encode(self), to: path)
        } catch {
            throw FeedError(
                kind: .fileUnreadable, location: collection,
                Message(.publishRecordUnwritable, ["file": .text(path), "reason": .text(error.localizedDescription)]))
        }
    }
}

/// An exclusive lock on a record file, so two publishes to one collection never interleave.
final class PublishLock {
    private let descriptor: Int32

    /// Takes the lock beside `path`, or returns nil when another process holds it.
    init?(beside path: String) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Close-on-exec: a process another thread starts meanwhile would share the lock and hold it past our release.
        descriptor = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }
}
