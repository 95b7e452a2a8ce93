import Crypto
import Foundation
import Pipeline
import Store
import Timeline

/// Where a week's schedule folder is, to load it again: the folder kept in the store (`schedule/plan.yaml`,
/// `schedule/clients.csv`, laid out once under the work folder, named by a hash of its files so a laid-out folder
/// never changes), or the folder a week published from the command line was planned from (`schedule.path`).
struct ScheduleFolders: Sendable {
    /// The work folder.
    let root: String

    /// The names of the schedule folder's files kept in the store.
    static let keptFiles = ["plan.yaml", "clients.csv"]

    /// A schedule folder's files as kept with a week (named `schedule/…`).
    static func kept(_ folder: [WeekFile]) -> [WeekFile] {
        folder.map { WeekFile(name: WeekPublication.scheduleFilePrefix + $0.name, body: $0.body) }
    }

    /// Whether a file kept with a week says where its schedule folder is (its files, or its path).
    static func isScheduleFile(_ file: WeekFile) -> Bool {
        file.name.hasPrefix(WeekPublication.scheduleFilePrefix) || file.name == WeekPublication.scheduleFolderFile
    }

    /// A folder holding `files` (names without the `schedule/` prefix), laid out under the work folder.
    func layOut(_ files: [WeekFile]) throws -> String {
        var hash = SHA256()
        for file in files.sorted(by: { $0.name < $1.name }) {
            hash.update(data: Data(file.name.utf8) + [0] + Data(file.body.utf8) + [0])
        }
        let name = hash.finalize().prefix(16).map { String(format: "%02x", $0) }.joined()
        let folder = (root as NSString).appendingPathComponent(name)
        let manager = FileManager.default
        if manager.fileExists(atPath: (folder as NSString).appendingPathComponent("plan.yaml")) { return folder }
        try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
        // Written whole in a folder of its own, then renamed: a loader never sees half a folder.
        let temporary = folder + ".tmp-" + UUID().uuidString
        try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        for file in files {
            try Data(file.body.utf8).write(
                to: URL(fileURLWithPath: (temporary as NSString).appendingPathComponent(file.name)), options: .atomic)
        }
        do {
            try manager.moveItem(atPath: temporary, toPath: folder)
        } catch {
            try? manager.removeItem(atPath: temporary)
            // Another request laid out the same files meanwhile.
            guard manager.fileExists(atPath: folder) else { throw error }
        }
        return folder
    }

    /// The schedule folder of a published version of a week, or nil when the store keeps neither its files nor a
    /// folder that still exists.
    func folder(team: String, weekStart: LocalDate, version: Int, store: BureauStore) async throws -> String? {
        var files: [WeekFile] = []
        for name in Self.keptFiles {
            let kept = WeekPublication.scheduleFilePrefix + name
            guard
                let body = try await store.publishedFile(team: team, weekStart: weekStart, version: version, name: kept)
            else { break }
            files.append(WeekFile(name: name, body: body))
        }
        if files.count == Self.keptFiles.count { return try layOut(files) }
        guard
            let path = try await store.publishedFile(
                team: team, weekStart: weekStart, version: version, name: WeekPublication.scheduleFolderFile)
        else { return nil }
        return Self.existingFolder(path)
    }

    /// The schedule folder of the team's draft of a week (its files, or the folder a replanned week published from
    /// the command line was planned from), or nil.
    func draftFolder(team: String, weekStart: LocalDate, store: BureauStore) async throws -> String? {
        var files: [WeekFile] = []
        for name in Self.keptFiles {
            guard
                let body = try await store.draftFile(
                    team: team, weekStart: weekStart, name: WeekPublication.scheduleFilePrefix + name)
            else { break }
            files.append(WeekFile(name: name, body: body))
        }
        if files.count == Self.keptFiles.count { return try layOut(files) }
        guard
            let path = try await store.draftFile(
                team: team, weekStart: weekStart, name: WeekPublication.scheduleFolderFile)
        else { return nil }
        return Self.existingFolder(path)
    }

    /// `path` when it is a folder that exists.
    static func existingFolder(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? path : nil
    }
}
