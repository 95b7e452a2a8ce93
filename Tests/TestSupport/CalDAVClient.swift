import Foundation

/// Reads and writes a Radicale collection directly with the curl command line, as another calendar app would.
public struct CalDAVClient {
    let server: Radicale

    /// A client of `server`.
    public init(server: Radicale) { self.server = server }

    private func curl(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["curl", "-sf", "-u", "\(server.user):\(server.password)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func url(_ calendar: String, _ name: String = "") -> String {
        "http://127.0.0.1:\(server.port)/\(server.user)/\(calendar)/\(name)"
    }

    /// Every member of the collection: resource name (as the server spells it in its hrefs) → its text.
    public func events(_ calendar: String) throws -> [String: String] {
        let listing = try curl(["-X", "PROPFIND", "-H", "Depth: 1", url(calendar)]).output
        var events: [String: String] = [:]
        for piece in listing.components(separatedBy: "<href>").dropFirst() {
            let href = String(piece.prefix { $0 != "<" })
            guard href.hasSuffix(".ics"), let name = href.split(separator: "/").last else { continue }
            events[String(name)] = try curl([url(calendar, String(name))]).output
        }
        return events
    }

    /// A PUT without preconditions, as a calendar app saving an edit.
    public func put(_ calendar: String, _ name: String, _ text: String) throws {
        let result = try curl([
            "-X", "PUT", "-H", "Content-Type: text/calendar", "--data-binary", text, url(calendar, name),
        ])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// A DELETE, as a calendar app deleting an event.
    public func delete(_ calendar: String, _ name: String) throws {
        guard try curl(["-X", "DELETE", url(calendar, name)]).status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
