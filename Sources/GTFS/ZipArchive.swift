import CZlib
import Foundation
import Messages

/// The files of a ZIP archive (PKWARE APPNOTE 6.3: stored or deflated entries, ZIP64 sizes), read into memory and
/// inflated one file at a time, in chunks, within the limits below, and checked against their CRC-32.
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

    /// The largest archive file read (1 GiB): it is read whole into memory. A larger one is refused.
    public static let largestArchive = 1 << 30
    /// The most files an archive may hold (a GTFS feed has about twenty). More is refused.
    public static let mostEntries = 10_000
    /// The largest file taken out of an archive (512 MiB inflated; a national rail stop_times.txt is tens of MB).
    /// A file that records a larger size, or inflates past it, is refused.
    public static let largestEntry = 512 << 20
    /// The most bytes all files of one archive may inflate to together (1 GiB), by the sizes the archive records
    /// (each file is stopped as soon as it inflates past its recorded size). More is refused.
    public static let largestTotal = 1 << 30
    /// The highest compression ratio (inflated bytes per compressed byte) accepted once a file has inflated past
    /// `ratioFloor`: feeds compress 3–15 times, zip bombs about 1000 times. A file past it is refused as it inflates.
    public static let largestRatio = 100
    /// The inflated size (16 MiB) under which the compression ratio is not checked: small files of repeated rows
    /// may compress very well and are harmless.
    public static let ratioFloor = 16 << 20
    /// How much is inflated at a time (256 KiB): the running size and ratio are checked after each chunk.
    static let chunk = 256 << 10

    /// Reads the archive at `path`; `displayName` names it in errors.
    public init(contentsOf path: String, displayName: String? = nil) throws(InputError) {
        let name = displayName ?? path
        let length = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard length <= Self.largestArchive else {
            throw InputError(
                file: name,
                Message(.zipTooLarge, ["length": .number(length), "most": .number(Self.largestArchive >> 20)]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, Message(.feedFileUnreadable))
        }
        try self.init(bytes: Array(data), file: name)
    }

    /// Reads an archive held in memory.
    public init(bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        self.bytes = bytes
        func broken(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> InputError {
            InputError(file: file, Message(.zipBroken, ["why": .message(Message(key, arguments))]))
        }
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
            throw broken(.zipNoEnd)
        }
        if count == 0xFFFF || directory == 0xFFFF_FFFF, integer(end - 20, 4) == 0x0706_4B50,
            let record = integer(end - 12, 8), integer(record, 4) == 0x0606_4B50
        {
            count = integer(record + 32, 8) ?? count
            directory = integer(record + 48, 8) ?? directory
        }
        // A central directory record takes at least 46 bytes.
        guard count <= bytes.count / 46, directory <= bytes.count else {
            throw broken(.zipEndDamaged)
        }
        guard count <= Self.mostEntries else {
            throw InputError(
                file: file,
                Message(.zipTooManyFiles, ["count": .number(count), "most": .number(Self.mostEntries)]))
        }
        var entries: [Entry] = []
        var offset = directory
        for _ in 0..<count {
            guard integer(offset, 4) == 0x0201_4B50, let flags = integer(offset + 8, 2),
                let method = integer(offset + 10, 2),
                let crc = integer(offset + 16, 4), var compressed = integer(offset + 20, 4),
                var size = integer(offset + 24, 4),
                let nameLength = integer(offset + 28, 2), let extraLength = integer(offset + 30, 2),
                let commentLength = integer(offset + 32, 2), var local = integer(offset + 42, 4),
                offset + 46 + nameLength <= bytes.count
            else { throw broken(.zipDirectoryDamaged) }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            // ZIP64: the sizes and offset that do not fit 32 bits follow, in this order, in extra field 0x0001.
            var extra = offset + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd, let tag = integer(extra, 2), let length = integer(extra + 2, 2) {
                if tag == 0x0001 {
                    var field = extra + 4
                    if size == 0xFFFF_FFFF {
                        size = integer(field, 8) ?? size
                        field += 8
                    }
                    if compressed == 0xFFFF_FFFF {
                        compressed = integer(field, 8) ?? compressed
                        field += 8
                    }
                    if local == 0xFFFF_FFFF { local = integer(field, 8) ?? local }
                }
                extra += 4 + length
            }
            // DEFLATE never grows data more than about 1032 times: a larger claim is a damaged or hostile archive.
            guard compressed <= bytes.count, local <= bytes.count, size <= compressed * 1032 + 1024 else {
                throw broken(.zipSizesImpossible, ["name": .text(name)])
            }
            entries.append(
                Entry(
                    name: name, method: UInt16(method), flags: UInt16(flags), crc: UInt32(crc),
                    compressedSize: compressed,
                    size: size, localHeader: local))
            offset = extraEnd + commentLength
        }
        let total = entries.reduce(0) { $0 + $1.size }
        if total > Self.largestTotal, let largest = entries.max(by: { $0.size < $1.size }) {
            throw InputError(
                file: file,
                Message(
                    .zipTotalTooLarge,
                    [
                        "total": .number(total), "name": .text(largest.name), "size": .number(largest.size),
                        "most": .number(Self.largestTotal >> 20),
                    ]))
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

    /// The bytes of an entry, inflated a chunk at a time and checked: refused when it records or reaches more than
    /// `largestEntry` bytes, inflates past the size it records, or compresses more than `largestRatio` times past
    /// `ratioFloor`.
    public func contents(of entry: Entry) throws(InputError) -> [UInt8] {
        func broken(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> InputError {
            InputError(file: "\(file) (\(entry.name))", Message(key, arguments))
        }
        guard entry.flags & 1 == 0 else { throw broken(.zipEncrypted) }
        guard entry.size <= Self.largestEntry else {
            throw broken(.zipEntryTooLarge, ["size": .number(entry.size), "most": .number(Self.largestEntry >> 20)])
        }
        if entry.size > Self.ratioFloor && entry.size / Self.largestRatio > entry.compressedSize {
            throw broken(.zipBomb, bomb(entry.size, entry.compressedSize))
        }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, bytes[header] == 0x50, bytes[header + 1] == 0x4B, bytes[header + 2] == 3,
            bytes[header + 3] == 4
        else { throw broken(.zipNoLocalHeader) }
        let start =
            header + 30 + Int(bytes[header + 26]) + Int(bytes[header + 27]) << 8 + Int(bytes[header + 28]) + Int(
                bytes[header + 29]) << 8
        guard start + entry.compressedSize <= bytes.count else {
            throw broken(.zipCutShort)
        }
        var output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw broken(.zipTwoSizes) }
            output = Array(bytes[start..<(start + entry.size)])
        case 8:
            output = try inflate(entry, from: start)
        default:
            throw broken(.zipMethod, ["method": .number(Int(entry.method))])
        }
        let crc = output.withUnsafeBufferPointer { tiaoqi_crc32_update(0, $0.baseAddress, $0.count) }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else {
            throw broken(.zipCRC)
        }
        return output
    }

    private func bomb(_ size: Int, _ compressed: Int) -> [String: Message.Argument] {
        [
            "ratio": .number(size / max(compressed, 1)), "compressed": .number(compressed), "size": .number(size),
            "most": .number(Self.largestRatio), "floor": .number(Self.ratioFloor >> 20),
        ]
    }

    /// Inflates a DEFLATE entry a chunk at a time, stopping as soon as it passes its recorded size or the ratio.
    private func inflate(_ entry: Entry, from start: Int) throws(InputError) -> [UInt8] {
        func broken(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> InputError {
            InputError(file: "\(file) (\(entry.name))", Message(key, arguments))
        }
        guard let inflater = tiaoqi_inflater_open() else { throw broken(.zipNoZlib) }
        defer { tiaoqi_inflater_close(inflater) }
        var output: [UInt8] = []
        output.reserveCapacity(entry.size)
        var chunk = [UInt8](repeating: 0, count: Self.chunk)
        var consumed = 0
        while true {
            var used = 0
            var made = 0
            let status = bytes.withUnsafeBufferPointer { input in
                chunk.withUnsafeMutableBufferPointer { out in
                    tiaoqi_inflater_step(
                        inflater, input.baseAddress! + start + consumed, entry.compressedSize - consumed, &used,
                        out.baseAddress, out.count, &made)
                }
            }
            consumed += used
            guard status >= 0 else {
                throw broken(status == -2 ? .zipCutShort : .zipNotDeflate)
            }
            guard output.count + made <= entry.size else {
                throw broken(.zipInflatesPast, ["size": .number(entry.size)])
            }
            output += chunk[0..<made]
            if output.count > Self.ratioFloor && output.count / Self.largestRatio > consumed {
                throw broken(.zipBomb, bomb(output.count, consumed))
            }
            if status == 1 { break }
        }
        guard output.count == entry.size else {
            throw broken(.zipInflatesShort, ["size": .number(entry.size)])
        }
        return output
    }
}
