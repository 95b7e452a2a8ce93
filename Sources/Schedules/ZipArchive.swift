import CZlib
import Foundation

/// The files of a ZIP archive (PKWARE APPNOTE 6.3: stored or deflated entries, ZIP64 sizes), read whole into memory
/// and checked against their CRC-32.
public struct ZipArchive: Sendable {
    /// One file in the archive.
    public struct Entry: Sendable {
        /// The path inside the archive.
        public var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeader: Int
    }

    /// How the archive is named in messages.
    public let file: String
    /// The files, in the central directory's order.
    public let entries: [Entry]
    private let bytes: [UInt8]

    /// The largest file taken out of an archive: a guard against archives that inflate without end.
    public static let largestEntry = 2_000_000_000

    /// Reads the archive at `path`; `displayName` names it in errors.
    public init(contentsOf path: String, displayName: String? = nil) throws(ScheduleError) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScheduleError(file: name, "cannot read the file; check that it exists")
        }
        try self.init(bytes: Array(data), file: name)
    }

    /// Reads an archive held in memory.
    public init(bytes: [UInt8], file: String) throws(ScheduleError) {
        self.file = file
        self.bytes = bytes
        func broken(_ why: String) -> ScheduleError { ScheduleError(file: file, "is not a readable ZIP archive: \(why)") }
        // Little-endian fields; nil when they lie outside the file or pass 2⁴⁰ (so arithmetic on them cannot overflow).
        func integer(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset <= bytes.count - width else { return nil }
            var value: UInt64 = 0
            for k in (0..<width).reversed() { value = value << 8 | UInt64(bytes[offset + k]) }
            return value <= 1 << 40 ? Int(value) : nil
        }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes, found from the end.
        var end = -1
        var at = bytes.count - 22
        while at >= max(0, bytes.count - 22 - 65_535) {
            if integer(at, 4) == 0x0605_4B50 {
                end = at
                break
            }
            at -= 1
        }
        guard end >= 0, var count = integer(end + 10, 2), var directory = integer(end + 16, 4) else {
            throw broken("no end of central directory (truncated download?)")
        }
        if count == 0xFFFF || directory == 0xFFFF_FFFF, integer(end - 20, 4) == 0x0706_4B50,
            let record = integer(end - 12, 8), integer(record, 4) == 0x0606_4B50
        {
            count = integer(record + 32, 8) ?? count
            directory = integer(record + 48, 8) ?? directory
        }
        // A central directory record takes at least 46 bytes.
        guard count <= bytes.count / 46, directory <= bytes.count else { throw broken("the end of central directory is damaged") }
        var entries: [Entry] = []
        var offset = directory
        for _ in 0..<count {
            guard integer(offset, 4) == 0x0201_4B50, let flags = integer(offset + 8, 2), let method = integer(offset + 10, 2),
                let crc = integer(offset + 16, 4), var compressed = integer(offset + 20, 4), var size = integer(offset + 24, 4),
                let nameLength = integer(offset + 28, 2), let extraLength = integer(offset + 30, 2),
                let commentLength = integer(offset + 32, 2), var local = integer(offset + 42, 4),
                offset + 46 + nameLength <= bytes.count
            else { throw broken("the central directory is damaged") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            // ZIP64: the sizes and offset that do not fit 32 bits follow, in this order, in extra field 0x0001.
            var extra = offset + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd, let tag = integer(extra, 2), let length = integer(extra + 2, 2) {
                if tag == 0x0001 {
                    var field = extra + 4
                    if size == 0xFFFF_FFFF { size = integer(field, 8) ?? size; field += 8 }
                    if compressed == 0xFFFF_FFFF { compressed = integer(field, 8) ?? compressed; field += 8 }
                    if local == 0xFFFF_FFFF { local = integer(field, 8) ?? local }
                }
                extra += 4 + length
            }
            // DEFLATE never grows data more than about 1032 times: a larger claim is a damaged or hostile archive.
            guard compressed <= bytes.count, local <= bytes.count, size <= compressed * 1032 + 1024 else {
                throw broken("the sizes recorded for \(name) are impossible")
            }
            entries.append(
                Entry(name: name, method: UInt16(method), flags: UInt16(flags), crc: UInt32(crc), compressedSize: compressed,
                      size: size, localHeader: local))
            offset = extraEnd + commentLength
        }
        self.entries = entries
    }

    /// The entry whose path is `name`, or whose last path component is `name` when only one such entry exists (feeds
    /// are often zipped inside a folder).
    public func entry(named name: String) -> Entry? {
        if let exact = entries.first(where: { $0.name == name }) { return exact }
        let inFolders = entries.filter { $0.name.hasSuffix("/" + name) && !$0.name.contains("__MACOSX") }
        return inFolders.count == 1 ? inFolders[0] : nil
    }

    /// The bytes of an entry, inflated and checked.
    public func contents(of entry: Entry) throws(ScheduleError) -> [UInt8] {
        func broken(_ why: String) -> ScheduleError { ScheduleError(file: "\(file) (\(entry.name))", why) }
        guard entry.flags & 1 == 0 else { throw broken("is encrypted; unzip it first or export it without a password") }
        guard entry.size <= Self.largestEntry else { throw broken("would inflate to \(entry.size) bytes, more than Tiaoqi reads") }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, bytes[header] == 0x50, bytes[header + 1] == 0x4B, bytes[header + 2] == 3, bytes[header + 3] == 4
        else { throw broken("has no local header where the directory says; the archive is damaged") }
        let start = header + 30 + Int(bytes[header + 26]) + Int(bytes[header + 27]) << 8 + Int(bytes[header + 28]) + Int(bytes[header + 29]) << 8
        guard start + entry.compressedSize <= bytes.count else { throw broken("is cut short; the archive is truncated") }
        var output = [UInt8](repeating: 0, count: entry.size)
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw broken("is stored with two different sizes") }
            output.replaceSubrange(0..<entry.size, with: bytes[start..<(start + entry.size)])
        case 8:
            let status = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    tiaoqi_inflate_raw(input.baseAddress! + start, entry.compressedSize, out.baseAddress, entry.size)
                }
            }
            guard status == 0 else { throw broken(status == 2 ? "does not inflate to the size the archive records" : "is not valid DEFLATE data") }
        default:
            throw broken("uses compression method \(entry.method); Tiaoqi reads stored and deflated files, so re-zip it")
        }
        let crc = output.withUnsafeBufferPointer { tiaoqi_crc32($0.baseAddress, $0.count) }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else { throw broken("fails its CRC-32 check; the archive is damaged") }
        return output
    }
}
