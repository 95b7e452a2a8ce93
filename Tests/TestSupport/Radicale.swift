import Foundation

/// A real Radicale CalDAV server on 127.0.0.1 with one user, started for a test (from `.venv-test`, which
/// `scripts/test` prepares, or the system's python3).
public final class Radicale: @unchecked Sendable {
    private let process: Process
    /// The port it listens on.
    public let port: Int
    /// The user name.
    public let user = "zhou"
    /// The password.
    public let password = "s3cret-招商"

    /// Starts Radicale with a fresh storage folder.
    public init() throws {
        let folder = Fixtures.temporaryFolder("radicale")
        let users = (folder as NSString).appendingPathComponent("users")
        try "\(user):\(password)\n".write(toFile: users, atomically: true, encoding: .utf8)
        let venv = Fixtures.path(".venv-test/bin/python")
        let python = FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
        // A free port: bind to 0, read it, release it.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = [
            "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
        ]
        let out = Pipe()
        probe.standardOutput = out
        try probe.run()
        probe.waitUntilExit()
        guard
            let port = Int(
                String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines))
        else {
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-m", "radicale", "--server-hosts", "127.0.0.1:\(port)", "--storage-filesystem-folder",
            (folder as NSString).appendingPathComponent("collections"),
            "--auth-type", "htpasswd", "--auth-htpasswd-filename", users, "--auth-htpasswd-encryption", "plain",
        ]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if (try? curl(["-s", "-o", "/dev/null", "http://127.0.0.1:\(port)/"])) == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(process.processIdentifier, SIGKILL)
        throw CocoaError(
            .fileReadUnknown,
            userInfo: [
                NSLocalizedDescriptionKey:
                    "Radicale did not start; run scripts/test (it installs radicale into .venv-test)"
            ])
    }

    /// Runs the curl command line; returns its exit status.
    @discardableResult
    public func curl(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Creates a calendar collection and uploads events into it (each a whole VCALENDAR text).
    public func makeCalendar(_ name: String, events: [String: String]) throws {
        let base = "http://127.0.0.1:\(port)/\(user)/\(name)/"
        let auth = "\(user):\(password)"
        guard try curl(["-sf", "-u", auth, "-X", "MKCOL", "http://127.0.0.1:\(port)/\(user)/"]) == 0 || true,
            try curl(["-sf", "-u", auth, "-X", "MKCALENDAR", base]) == 0
        else { throw CocoaError(.fileWriteUnknown) }
        for (uid, text) in events {
            let status = try curl([
                "-sf", "-u", auth, "-X", "PUT", "-H", "Content-Type: text/calendar", "--data-binary", text,
                base + "\(uid).ics",
            ])
            guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
    }

    /// Stops the server.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
