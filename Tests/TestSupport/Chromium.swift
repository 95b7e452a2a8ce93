import Foundation

/// Headless Chromium, run as a child process with a timeout and its own profile folder.
public enum Chromium {
    /// Why Chromium could not do what was asked.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `chromium` or `chromium-headless-shell` on PATH, or /usr/bin/chromium.
    public static let executable: String? = {
        let folders =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        for name in ["chromium", "chromium-headless-shell"] {
            for folder in folders {
                let path = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }()

    /// The DOM of the page after loading, as Chromium serializes it.
    public static func dumpDOM(_ page: String) async throws -> String {
        let output = (Fixtures.temporaryFolder("chromium-dom") as NSString).appendingPathComponent("dom.html")
        try await run(["--dump-dom", URL(fileURLWithPath: page).absoluteString], stdout: output)
        let dom = try String(contentsOfFile: output, encoding: .utf8)
        guard dom.contains("</html>") else { throw Failure(description: "chromium printed no DOM for \(page)") }
        return dom
    }

    /// A 1400×900 PNG of the page at `png` (an absolute path).
    public static func screenshot(_ page: String, to png: String) async throws {
        try await run([
            "--screenshot=\(png)", "--window-size=1400,900", "--hide-scrollbars",
            URL(fileURLWithPath: page).absoluteString,
        ])
        guard FileManager.default.fileExists(atPath: png) else {
            throw Failure(description: "chromium wrote no screenshot at \(png)")
        }
    }

    /// Runs Chromium headless with `arguments`, stdout to a file, stderr (noisy: dbus, vaapi) thrown away.
    private static func run(_ arguments: [String], stdout: String? = nil, timeout: Duration = .seconds(60)) async throws
    {
        guard let executable else {
            throw Failure(
                description:
                    "chromium is not installed: run scripts/ensure-deps --tests (apt-get install chromium fonts-noto-cjk)"
            )
        }
        let profile = Fixtures.temporaryFolder("chromium-profile")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let stdout {
            guard FileManager.default.createFile(atPath: stdout, contents: nil) else {
                throw Failure(description: "cannot write \(stdout)")
            }
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            if clock.now > deadline {
                process.terminate()
                throw Failure(description: "chromium took longer than \(timeout): \(arguments)")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        if let handle = process.standardOutput as? FileHandle { try? handle.close() }
    }
}
