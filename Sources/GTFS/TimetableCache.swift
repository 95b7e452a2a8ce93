import Foundation
import Travel

/// Compiled timetables kept between runs, so that a command on a feed that has not changed does not import it again.
/// A timetable is stored under a key made of the paths as given and, for every file the feed folders and archives
/// hold, its name, size, modification time and a 64-bit hash of its bytes; any change to a file makes a new key. Files
/// are written to a temporary name and renamed into place with a hash of their contents, and one that cannot be read
/// back exactly (corrupt, truncated, from another version) is ignored and rebuilt.
public struct TimetableCache: Sendable {
    /// The folder the compiled timetables are kept in.
    public var folder: String

    /// A cache in `folder` (created when first written).
    public init(folder: String) { self.folder = folder }

    /// `$XDG_CACHE_HOME/tiaoqi/timetables`, else `~/.cache/tiaoqi/timetables`.
    public static var standard: TimetableCache {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"]
            ?? ((environment["HOME"] ?? NSTemporaryDirectory()) as NSString).appendingPathComponent(".cache")
        return TimetableCache(folder: "\(base)/tiaoqi/timetables")
    }

    /// The key of the feeds at `paths` as they are now: every file's name, size, modification time and hash.
    static func key(paths: [String], displayPaths: [String]?) -> String {
        // The program itself is part of the key: a new build may import the same files differently.
        var key = "tiaoqi-timetable \(Timetable.archiveFormat)\n"
        if let program = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: program)
        {
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            key += "program \(program) \((attributes[.size] as? NSNumber)?.int64Value ?? -1) \(modified)\n"
        }
        for (index, path) in paths.enumerated() {
            key += "path \(path)\nshown \(displayPaths?[index] ?? path)\n"
            // shapes.txt (a feed's line geometry, often its second largest file) is never read: not hashed either.
            for file in files(under: path) where (file as NSString).lastPathComponent != "shapes.txt" {
                let attributes = try? FileManager.default.attributesOfItem(atPath: file)
                let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let digest = FileManager.default.contents(atPath: file).map { FastHash.hash($0) } ?? 0
                key += "\(file) \(size) \(modified) \(String(digest, radix: 16))\n"
            }
        }
        return key
    }

    /// The regular files at `path`, or under it when it is a folder, sorted.
    private static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
        return names.compactMap { name in
            guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { return nil }
            let full = (path as NSString).appendingPathComponent(name)
            var inner: ObjCBool = false
            return FileManager.default.fileExists(atPath: full, isDirectory: &inner) && !inner.boolValue ? full : nil
        }
    }

    private func file(for key: String) -> String {
        "\(folder)/\(String(FastHash.hash(Data(key.utf8)), radix: 16)).timetable"
    }

    /// The cached timetable for `key`, when there is one and it reads back whole.
    func timetable(for key: String) -> Timetable? {
        guard let data = FileManager.default.contents(atPath: file(for: key)) else { return nil }
        let bytes = [UInt8](data)
        let keyBytes = Array(key.utf8)
        // The file: the key's length (8 bytes), the key, the hash of the archive (8 bytes), the archived timetable.
        func number(at offset: Int) -> UInt64 {
            bytes[offset..<(offset + 8)].enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
        }
        guard bytes.count >= 16 else { return nil }
        let length = Int(truncatingIfNeeded: number(at: 0))
        guard length == keyBytes.count, bytes.count >= 16 + length, Array(bytes[8..<(8 + length)]) == keyBytes else {
            return nil
        }
        let archive = Array(bytes[(16 + length)...])
        guard FastHash.hash(Data(archive)) == number(at: 8 + length) else { return nil }
        return Timetable(archived: archive)
    }

    /// Keeps `timetable` under `key`; a cache that cannot be written is left alone (the next run imports again).
    func store(_ timetable: Timetable, for key: String) {
        let keyBytes = Array(key.utf8)
        func number(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let archive = timetable.archived()
        var bytes = number(UInt64(keyBytes.count))
        bytes += keyBytes
        bytes += number(FastHash.hash(Data(archive)))
        bytes += archive
        let target = file(for: key)
        let temporary = "\(target).\(UUID().uuidString).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, target) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

/// A fast 64-bit hash of bytes (eight at a time), to notice a changed file; not for security.
enum FastHash {
    static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                index += 8
            }
            var tail: UInt64 = 0
            while index < raw.count {
                tail = tail << 8 | UInt64(raw[index])
                index += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 29)
        }
    }
}
