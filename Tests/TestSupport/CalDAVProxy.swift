import Foundation

/// The Python proxy under `Tests/FeedsTests/Server/caldav_proxy.py`, started on 127.0.0.1 in front of a CalDAV
/// server for one test: it forwards, slows or fails requests as told.
public final class CalDAVProxy: @unchecked Sendable {
    private let process: Process
    /// The port it listens on.
    public let port: Int

    /// Starts the proxy in front of 127.0.0.1:`upstream`.
    public init(upstream: Int) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Fixtures.path("Tests/FeedsTests/Server/caldav_proxy.py"), "--upstream", String(upstream),
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
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

    /// Sets the mode: `pass`, `slow-SECONDS`, `500` or `500-writes` (see the script's header).
    public func set(mode: String) throws {
        let control = Process()
        control.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        control.arguments = ["curl", "-sf", "-o", "/dev/null", "http://127.0.0.1:\(port)/control/mode?mode=\(mode)"]
        try control.run()
        control.waitUntilExit()
        guard control.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
    }

    /// Requests seen so far, by method.
    public func counts() throws -> [String: Int] {
        let control = Process()
        control.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        control.arguments = ["curl", "-sf", "http://127.0.0.1:\(port)/control/count"]
        let output = Pipe()
        control.standardOutput = output
        try control.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        control.waitUntilExit()
        var counts: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let count = Int(parts[1]) { counts[String(parts[0])] = count }
        }
        return counts
    }

    /// Stops the proxy.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
