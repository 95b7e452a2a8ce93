import Foundation

/// The Python fault server under `Tests/FeedsTests/Server/`, started on 127.0.0.1 for one test and stopped after.
public final class FaultServer: Sendable {
    private let server: ScriptServer
    /// The port it listens on.
    public var port: Int { server.port }

    /// Starts the server; `bench` prepares that many ~50 KB benchmark feeds.
    public init(bench: Int = 0) throws {
        server = try ScriptServer(
            script: "Tests/FeedsTests/Server/fault_server.py", arguments: ["--bench", String(bench)])
    }

    /// The URL of a path.
    public func url(_ path: String) -> String { server.url(path) }

    /// Makes `path` misbehave in `mode` (see the script's header).
    public func set(_ path: String, mode: String) throws {
        try server.control("/control/mode?path=\(path)&mode=\(mode)")
    }

    /// Lets every held response finish.
    public func release() throws { try server.control("/control/release") }

    /// Stops the server.
    public func stop() { server.stop() }
}
