import Foundation
import TestSupport
import Testing

/// The board's faults with the real program: `kill -9` while people publish (Tests/Faults/kill_during_publishes.py
/// drives `tiaoqi serve --demo` over HTTP, kills it, starts it again, and checks the store).
@Suite struct BoardFaultTests {
    @Test func killingTheBoardDuringPublicationsLosesNoAcknowledgedOne() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiaoqi-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try executablePath("tiaoqi")
        let result = await offThePool {
            Result {
                try runProgram(
                    "/usr/bin/env", ["python3", "Tests/Faults/kill_during_publishes.py", binary, folder.path])
            }
        }
        let run = try result.get()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("killed the server with SIGKILL"))
    }
}
