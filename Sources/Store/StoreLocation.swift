import Foundation

/// Where the bureau's store lives: an SQLite file (the default) or a PostgreSQL server shared by a bureau.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite database file, created on first use.
    case sqlite(path: String)
    /// A PostgreSQL database, by its `postgres://user:password@host:port/database` URL.
    case postgres(url: String)

    /// The location `--db` names: a `postgres://` or `postgresql://` URL, else a file path.
    public init(_ text: String) {
        let lower = text.lowercased()
        self =
            lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
            ? .postgres(url: text) : .sqlite(path: text)
    }

    /// The default store: `bureau.sqlite` in the current folder.
    public static let defaultPath = "bureau.sqlite"

    /// The location as people may see it: the file, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url):
            guard var parts = URLComponents(string: url), parts.password != nil else { return url }
            parts.password = "***"
            return parts.string ?? "postgres://"
        }
    }
}
