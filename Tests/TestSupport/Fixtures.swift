import Foundation

/// Paths to the repository's real data, and scratch folders, for tests.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A path inside the package.
    public static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// The sample week.
    public static var sampleWeek: String { path("schedules/2022-w10") }

    /// The sample network.
    public static var network: String { path("schedules/network") }

    /// The quickstart example.
    public static var quickstart: String { path("examples/quickstart") }

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder(_ name: String = "tiaoqi") -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of a folder in a new temporary folder; `network:` in a copied plan.yaml keeps pointing at the real network.
    public static func copy(_ folder: String) -> String {
        let target = (temporaryFolder("copy") as NSString).appendingPathComponent(
            (folder as NSString).lastPathComponent)
        try! FileManager.default.copyItem(atPath: folder, toPath: target)
        let plan = (target as NSString).appendingPathComponent("plan.yaml")
        if let text = try? String(contentsOfFile: plan, encoding: .utf8) {
            let fixed = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("network:") ? "network: \(network)" : String(line)
            }.joined(separator: "\n")
            try! fixed.write(toFile: plan, atomically: true, encoding: .utf8)
        }
        return target
    }

    /// Replaces the first occurrence of `old` in a text file.
    public static func edit(_ path: String, replacing old: String, with new: String) {
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        guard let range = text.range(of: old) else { fatalError("'\(old)' not in \(path)") }
        try! text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
