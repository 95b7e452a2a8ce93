import Foundation
import GTFS
import Messages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of output files (`plan.json`, `report.html`, `expenses.csv` and one `.ics` per person) into a folder as one: a reader, a second
/// writer or a `kill -9` at any moment sees either the old set or the new one, never a mix.
///
/// The new set is written into a temporary folder beside the target (`.<name>.tiaoqi-new-<pid>-<random>`), with
/// every file of the old folder that Tiaoqi did not write (anything but `outputNames` and `.ics` files whose `PRODID` is
/// Tiaoqi's) carried over as a hard link, and then exchanged with the target in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`, macOS `renamex_np` with `RENAME_SWAP`; elsewhere two renames, repaired by the next writer if
/// killed between them). Writers to folders of one parent take turns: each holds an exclusive `flock` on the parent
/// folder while it writes, so nothing is left beside the target but the target itself. A temporary folder left by a
/// killed writer is removed by the next one (it can only be a dead writer's, as the lock is released on death).
/// Where the folder cannot be exchanged (its parent is not writable, it is a mount point, or it is the working
/// folder), the files are replaced one by one under a lock of the folder itself (`writeInPlace`).
public enum OutputFolder {
    /// The environment variable that makes a writer wait this many seconds with the new set complete but not yet
    /// swapped in, so tests can kill it there.
    public static let pauseVariable = "TIAOQI_TEST_PAUSE_BEFORE_SWAP"

    /// Writes `files` (name and bytes; names are plain file names) as the new content of `folder`.
    public static func write(_ files: [(name: String, data: Data)], to folder: String) throws(ScheduleError) {
        var target = (RelativePath.absolute(folder) as NSString).standardizingPath
        var info = stat()
        if lstat(target, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, let real = realpath(target, nil) {
            target = String(cString: real)  // write where the link points, and keep the link
            free(real)
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        if let code = makeFolders(parent) { throw failure(parent, code, Message(.writeCreatingFolder)) }
        if !canSwap(target, parent: parent) { return try writeInPlace(files, to: target, shown: folder) }
        let lock = open(parent, O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { throw failure(parent, errno, Message(.writeOpeningFolder)) }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw failure(parent, errno, Message(.writeLockingFolder)) }
        repair(parent: parent, name: name, target: target)
        // Only now, holding the lock, is what is at the target settled.
        let exists = stat(target, &info) == 0
        if exists {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw ScheduleError(
                    file: folder, Message(.outIsAFile))
            }
            guard access(target, W_OK) == 0 else { throw failure(folder, errno, Message(.writeIntoIt)) }
        }

        let temporary = (parent as NSString).appendingPathComponent(
            ".\(name).tiaoqi-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(temporary, exists ? info.st_mode & 0o7777 : 0o777) == 0 else {
            throw failure(parent, errno, Message(.writeCreatingNew, ["name": .text(name)]))
        }
        if exists { chmod(temporary, info.st_mode & 0o7777) }
        do throws(ScheduleError) {
            for file in files {
                try writeFile(
                    file.data, to: (temporary as NSString).appendingPathComponent(file.name),
                    shown: (folder as NSString).appendingPathComponent(file.name))
            }
            if exists { try carryOver(from: target, to: temporary, except: Set(files.map(\.name)), shown: folder) }
            syncFolder(temporary)
            if let text = ProcessInfo.processInfo.environment[pauseVariable], let seconds = Double(text) {
                Thread.sleep(forTimeInterval: seconds)
            }
            try swap(temporary, into: target, exists: exists, parent: parent, name: name, shown: folder)
        } catch {
            removeTree(temporary)
            throw error
        }
        syncFolder(parent)
    }

    /// Whether the whole folder can be exchanged: its parent may be written, it is not a mount point (a bind-mounted
    /// volume cannot be renamed), and it is not the working folder (the shell would be left in a deleted one).
    private static func canSwap(_ target: String, parent: String) -> Bool {
        guard access(parent, W_OK) == 0 else { return false }
        var here = stat()
        var above = stat()
        if stat(target, &here) == 0 {
            guard stat(parent, &above) == 0, here.st_dev == above.st_dev, here.st_ino != above.st_ino else {
                return false
            }
        }
        if let cwd = getcwd(nil, 0) {
            defer { free(cwd) }
            if let real = realpath(target, nil) {
                defer { free(real) }
                if String(cString: real) == String(cString: cwd) { return false }
            }
        }
        return true
    }

    /// Where the folder cannot be exchanged: under an exclusive `flock` of the folder itself, each file is written
    /// beside its old self and renamed over it, and Tiaoqi's files that the new set lacks are removed. Readers and a
    /// second writer still never see a half file, but a `kill -9` between two renames leaves part of each set.
    private static func writeInPlace(_ files: [(name: String, data: Data)], to target: String, shown: String)
        throws(ScheduleError)
    {
        if let code = makeFolders(target) { throw failure(shown, code, Message(.writeCreatingFolder)) }
        let lock = open(target, O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else { throw failure(shown, errno, Message(.writeOpeningFolder)) }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw failure(shown, errno, Message(.writeLockingFolder)) }
        guard access(target, W_OK) == 0 else { throw failure(shown, errno, Message(.writeIntoIt)) }
        let names = Set(files.map(\.name))
        for entry in ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted() {
            let path = (target as NSString).appendingPathComponent(entry)
            // A killed writer's temporary files, and Tiaoqi's files of people no longer planned.
            if entry.hasPrefix(".") && entry.contains(".tiaoqi-part-")
                || (!names.contains(entry) && isTiaoqis(path, name: entry))
            {
                unlink(path)
            }
        }
        for file in files {
            let path = (target as NSString).appendingPathComponent(file.name)
            let temporary = (target as NSString).appendingPathComponent(
                ".\(file.name).tiaoqi-part-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            let shownFile = (shown as NSString).appendingPathComponent(file.name)
            do throws(ScheduleError) {
                try writeFile(file.data, to: temporary, shown: shownFile)
                guard rename(temporary, path) == 0 else {
                    throw failure(shownFile, errno, Message(.writeMovingIntoPlace))
                }
            } catch {
                unlink(temporary)
                throw error
            }
        }
        syncFolder(target)
    }

    /// The files besides the `.ics` ones that Tiaoqi writes into an output folder.
    static let outputNames: Set<String> = ["plan.json", "report.html", "expenses.csv"]

    /// The files Tiaoqi writes into an output folder and replaces as a set: `outputNames`, and `.ics` files it wrote.
    static func isTiaoqis(_ path: String, name: String) -> Bool {
        if outputNames.contains(name) { return true }
        guard name.lowercased().hasSuffix(".ics"), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("PRODID:-//Tiaoqi//")
    }

    /// Removes what killed writers left beside `target`; puts the old set back if one was killed between the two
    /// renames of the fallback swap.
    private static func repair(parent: String, name: String, target: String) {
        let prefix = ".\(name).tiaoqi-"
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
            $0.hasPrefix(prefix)
        }.sorted()
        var info = stat()
        for leftover in leftovers {
            let path = (parent as NSString).appendingPathComponent(leftover)
            if leftover.hasPrefix(prefix + "old-") && stat(target, &info) != 0 && rename(path, target) == 0 { continue }
            removeTree(path)
        }
    }

    private static func swap(
        _ temporary: String, into target: String, exists: Bool, parent: String, name: String, shown: String
    ) throws(ScheduleError) {
        guard exists else {
            guard rename(temporary, target) == 0 else { throw failure(shown, errno, Message(.writeMovingNewFiles)) }
            return
        }
        if exchange(temporary, target) == 0 {
            removeTree(temporary)  // now the old set
            return
        }
        let code = errno
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP || code == -1 else {
            throw failure(shown, code, Message(.writeMovingNewFiles))
        }
        // No atomic exchange here: two renames, the old set kept aside until the new one is in place.
        let old = (parent as NSString).appendingPathComponent(
            ".\(name).tiaoqi-old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard rename(target, old) == 0 else { throw failure(shown, errno, Message(.writeMovingOldAside)) }
        guard rename(temporary, target) == 0 else {
            let code = errno
            rename(old, target)
            throw failure(shown, code, Message(.writeMovingNewFiles))
        }
        removeTree(old)
    }

    /// Exchanges two paths atomically; -1 with errno set (or `errno` -1 when the system has no such call).
    private static func exchange(_ a: String, _ b: String) -> Int32 {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
            // glibc has renameat2 since 2.28, but Swift's Glibc module does not declare it.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else {
                errno = -1
                return -1
            }
            let renameExchange: UInt32 = 1 << 1
            return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
        #elseif canImport(Darwin)
            return renamex_np(a, b, UInt32(RENAME_SWAP))
        #else
            errno = -1
            return -1
        #endif
    }

    /// Hard-links (or copies) into `temporary` every entry of the old folder that is not part of the output set.
    private static func carryOver(from target: String, to temporary: String, except names: Set<String>, shown: String)
        throws(ScheduleError)
    {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).sorted()
        // Also dropped: temporary files of a killed older Tiaoqi, which wrote file by file (`plan.json.tmp-<pid>-<n>`).
        for entry in entries
        where !names.contains(entry) && !entry.contains(".json.tmp-") && !entry.contains(".ics.tmp-") {
            let from = (target as NSString).appendingPathComponent(entry)
            let to = (temporary as NSString).appendingPathComponent(entry)
            if isTiaoqis(from, name: entry) { continue }
            if link(from, to) == 0 { continue }
            do {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            } catch {
                throw ScheduleError(
                    file: (shown as NSString).appendingPathComponent(entry),
                    Message(.cannotKeepOwnFile, ["reason": .text(error.localizedDescription)]))
            }
        }
    }

    private static func writeFile(_ data: Data, to path: String, shown: String) throws(ScheduleError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(shown, errno, Message(.writeCreatingIt)) }
        defer { close(descriptor) }
        var code: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let count = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    code = count < 0 ? errno : EIO
                    return
                }
                offset += count
            }
        }
        guard code == 0 else { throw failure(shown, code, Message(.writeWritingIt)) }
        guard fsync(descriptor) == 0 else { throw failure(shown, errno, Message(.writeSyncing)) }
    }

    private static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func removeTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Creates `path` and its missing parents; the errno of the step that failed, or nil.
    private static func makeFolders(_ path: String) -> Int32? {
        var built = ""
        for component in (path as NSString).pathComponents {
            built = built.isEmpty ? component : (built as NSString).appendingPathComponent(component)
            if mkdir(built, 0o777) != 0 && errno != EEXIST { return errno }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return errno }
        return info.st_mode & S_IFMT == S_IFDIR ? nil : ENOTDIR
    }

    /// Creates the folder `path` and its missing parents, or says why not.
    public static func makeFolder(_ path: String) throws(ScheduleError) {
        if let code = makeFolders(path) { throw failure(path, code, Message(.writeCreatingFolder)) }
    }

    /// Writes one file whole or not at all: a temporary file beside it, renamed over it.
    public static func writeWhole(_ data: Data, to path: String) throws(ScheduleError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            throw failure(path, code.map(Int32.init) ?? EIO, Message(.writeWritingIt))
        }
    }

    /// `path: cannot write (while …): <cause>; <what to do>`.
    static func failure(_ path: String, _ code: Int32, _ doing: Message) -> ScheduleError {
        let cause = String(cString: strerror(code))
        let advice: MessageKey
        switch code {
        case EACCES, EPERM: advice = .writeAdviceDenied
        case EROFS: advice = .writeAdviceReadOnly
        case ENOSPC, EDQUOT: advice = .writeAdviceFull
        case ENOTDIR: advice = .writeAdviceNotFolder
        case ENAMETOOLONG: advice = .writeAdviceTooLong
        default: advice = .writeAdviceOther
        }
        return ScheduleError(
            file: path,
            Message(.writeFailed, ["doing": .message(doing), "cause": .text(cause), "advice": .word(advice)]))
    }
}
