import Foundation

/// A Python server script under `Tests/`, started on 127.0.0.1 for one test: it prints `PORT n` once it listens, and
/// answers control requests on the same port. `FaultServer` and `CalDAVProxy` are two such scripts.
final class ScriptServer: @unchecked Sendable {
    private let process: Process
    /// The port it listens on.
    let port: Int

    /// Starts `script` (a path from the package's root) with `arguments` and waits for its `PORT n` line; `quiet`
    /// drops what it writes on stderr (a request log).
    init(script: String, arguments: [String], quiet: Bool = false) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.path(script)] + arguments
        let output = Pipe()
        process.standardOutput = output
        if quiet { process.standardError = FileHandle.nullDevice }
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

    /// The URL of a path on it.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The body of a control request to `path`; throws when it does not answer 2xx.
    @discardableResult
    func control(_ path: String) throws -> Data {
        let control = Process()
        control.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        control.arguments = ["curl", "-sf", url(path)]
        let output = Pipe()
        control.standardOutput = output
        try control.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        control.waitUntilExit()
        guard control.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return data
    }

    /// Stops it.
    func stop() {
        // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
