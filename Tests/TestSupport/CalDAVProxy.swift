import Foundation

/// The Python proxy under `Tests/FeedsTests/Server/caldav_proxy.py`, started on 127.0.0.1 in front of a CalDAV
/// server for one test: it forwards, slows or fails requests as told.
public final class CalDAVProxy: Sendable {
    private let server: ScriptServer
    /// The port it listens on.
    public var port: Int { server.port }

    /// Starts the proxy in front of 127.0.0.1:`upstream`.
    public init(upstream: Int) throws {
        server = try ScriptServer(
            script: "Tests/FeedsTests/Server/caldav_proxy.py", arguments: ["--upstream", String(upstream)], quiet: true)
    }

    /// Sets the mode: `pass`, `slow-SECONDS`, `500` or `500-writes` (see the script's header).
    public func set(mode: String) throws { try server.control("/control/mode?mode=\(mode)") }

    /// Requests seen so far, by method.
    public func counts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in String(decoding: try server.control("/control/count"), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let count = Int(parts[1]) { counts[String(parts[0])] = count }
        }
        return counts
    }

    /// Stops the proxy.
    public func stop() { server.stop() }
}
