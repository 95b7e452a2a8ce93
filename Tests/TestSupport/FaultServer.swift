import Foundation

/// The Python fault server under `Tests/FeedsTests/Server/`, started on 127.0.0.1 for one test and stopped after.
public final class FaultServer: @unchecked Sendable {
    private let process: Process
    /// The port it listens on.
    public let port: Int

    /// Starts the server; `bench` prepares that many ~50 KB benchmark feeds.
    public init(bench: Int = 0) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.path("Tests/FeedsTests/Server/fault_server.py"), "--bench", String(bench),
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            kill(process.processIdentifier, SIGKILL)
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
    }

    /// The URL of a path.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Makes `path` misbehave in `mode` (see the script's header).
    public func set(_ path: String, mode: String) throws { try control("/control/mode?path=\(path)&mode=\(mode)") }

    /// Lets every held response finish.
    public func release() throws { try control("/control/release") }

    private func control(_ path: String) throws {
        let control = Process()
        control.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        control.arguments = ["curl", "-sf", "-o", "/dev/null", url(path)]
        try control.run()
        control.waitUntilExit()
        guard control.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    /// Stops the server.
    public func stop() {
        // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
