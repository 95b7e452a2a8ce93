import Foundation
import Messages

/// The files of one feed: a folder, or a ZIP archive (whose files may sit in a folder inside it).
struct FeedFiles {
    private let folder: String?
    private let archive: ZipArchive?
    /// How messages name the folder or archive.
    let shown: String

    init(folder: String, shown: String) {
        self.folder = folder
        archive = nil
        self.shown = shown
    }

    init(archive: ZipArchive, shown: String) {
        folder = nil
        self.archive = archive
        self.shown = shown
    }

    /// The feed's name: the folder's or archive's name without extension, for prefixing ids of several feeds.
    var name: String { ((shown as NSString).lastPathComponent as NSString).deletingPathExtension }

    func has(_ file: String) -> Bool {
        if let folder {
            return FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(file))
        }
        return archive?.entry(named: file) != nil
    }

    /// Whether it holds a timetable: a GTFS feed (agency.txt) or a services table (services.csv).
    var isFeed: Bool { has("agency.txt") || has("services.csv") }

    /// How messages name one of its files.
    func display(_ file: String) -> String {
        archive == nil ? (shown as NSString).appendingPathComponent(file) : "\(shown) (\(file))"
    }

    /// Calls `body` with the bytes of a file of the feed, checked to be UTF-8 text (a byte-order mark is left for the
    /// CSV scanner to drop), and how messages name it; nil when the file is missing.
    func withText<R>(
        _ file: String, _ body: (UnsafeBufferPointer<UInt8>, String) throws(InputError) -> R
    ) throws(InputError) -> R? {
        let display = display(file)
        guard has(file) else { return nil }
        var bytes: [UInt8]
        if let folder {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file))
            else {
                throw InputError(
                    file: display, Message(.fileUnreadable))
            }
            // Plain ASCII is read where it lies, without a copy of the file into an array first.
            let direct: Result<R, InputError>? = data.withUnsafeBytes { raw in
                let buffer = raw.bindMemory(to: UInt8.self)
                guard CSVBytes.isPlainASCII(buffer) else { return nil }
                return Result { () throws(InputError) in try body(buffer, display) }
            }
            if let direct { return try direct.get() }
            bytes = [UInt8](data)
        } else {
            bytes = try archive!.contents(of: archive!.entry(named: file)!)
        }
        let plain = bytes.withUnsafeBufferPointer { CSVBytes.isPlainASCII($0) }
        if !plain {
            // Tiaoqi's own .csv files may be saved by Excel on a Chinese Windows (GB18030); GTFS's .txt are UTF-8.
            var text =
                file.hasSuffix(".csv")
                ? try InputText.decode(Data(bytes), file: display, encoding: nil).text
                : try InputText.decode(Data(bytes), file: display)
            return try text.withInputBytes { (utf8) throws(InputError) in try body(utf8, display) }
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(InputError) in try body(buffer, display) }
    }

    /// A CSV file of the feed with the required columns; nil when it is missing and optional.
    func table(_ file: String, required: [String], optional: Bool = false) throws(InputError) -> CSVTable? {
        guard
            let table = try withText(
                file, { (bytes, display) throws(InputError) in try CSVTable(bytes: bytes, file: display) })
        else {
            if optional { return nil }
            throw InputError(file: display(file), Message(.gtfsFileMissing))
        }
        try table.require(required)
        return table
    }
}
