import Foundation

/// Paths written into one file that point at another, so a plan folder can move with its schedule.
public enum RelativePath {
    /// The path of `target` as seen from the folder `base` (both made absolute first).
    public static func of(_ target: String, from base: String) -> String {
        let to = absolute(target).split(separator: "/").map(String.init)
        let from = absolute(base).split(separator: "/").map(String.init)
        var common = 0
        while common < min(to.count, from.count) && to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `path` resolved against `base` unless already absolute.
    public static func resolve(_ path: String, against base: String) -> String {
        path.hasPrefix("/")
            ? path : ((absolute(base) as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// `path` made absolute against the current directory and standardized.
    public static func absolute(_ path: String) -> String {
        let full =
            path.hasPrefix("/")
            ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }
}
