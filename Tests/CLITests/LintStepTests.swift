import Foundation
import TestSupport
import Testing

/// CI's lint step (`scripts/lint`, which `.ci/run` runs) passes formatted Swift and fails unformatted Swift, with the
/// repository's own `.swift-format`.
@Suite("The lint step")
struct LintStepTests {
    /// Runs `scripts/lint` on one file in a scratch folder beside a copy of the repository's `.swift-format`.
    func lint(_ source: String) throws -> (status: Int32, output: String) {
        let folder = Fixtures.temporaryFolder("lint")
        try FileManager.default.copyItem(
            atPath: Fixtures.path(".swift-format"), toPath: (folder as NSString).appendingPathComponent(".swift-format")
        )
        let file = (folder as NSString).appendingPathComponent("Sample.swift")
        try source.write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.path("scripts/lint"))
        process.arguments = [file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func formattedSwiftPasses() throws {
        let (status, output) = try lint(
            "/// A greeting.\nfunc greet(_ name: String) -> String {\n    \"hello \\(name)\"\n}\n")
        #expect(status == 0, "\(output)")
    }

    @Test func unformattedSwiftFails() throws {
        let (status, output) = try lint("func greet( _ name:String)->String{\n  return \"hello \\(name)\"}\n")
        #expect(status == 1)
        #expect(output.contains("scripts/lint --fix"))
    }
}
