import Foundation
import TestSupport
import Testing

/// The board's JSON API against its own OpenAPI document, with schemathesis from PyPI (Tests/API/
/// schemathesis_check.py starts `tiaoqi serve --demo` and runs it signed in and as nobody). Without schemathesis the
/// test is skipped, but not under CI=true, where scripts/ensure-deps --tests has installed it.
@Suite struct APISchemaTests {
    static let st = Fixtures.path(".venv-test/bin/st")

    @Test func schemathesisFindsNoServerErrorAndNoAnswerThatBreaksTheSchema() async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.st) else {
            #expect(
                ProcessInfo.processInfo.environment["CI"] != "true",
                "schemathesis is missing: run scripts/ensure-deps --tests")
            print("skipped: schemathesis is not installed (scripts/ensure-deps --tests installs it)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiaoqi-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try executablePath("tiaoqi")
        let result = await offThePool {
            Result {
                try runProgram(
                    "/usr/bin/env", ["python3", "Tests/API/schemathesis_check.py", binary, folder.path, Self.st])
            }
        }
        let run = try result.get()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}
