import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// An HTTP server on 127.0.0.1 with a random port, for tests that fetch over the network.
public final class LoopbackServer: Sendable {
    /// A canned answer.
    public struct Reply: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data
        /// Seconds to wait before answering.
        public var delay: Double

        /// A reply with a status, headers and body.
        public init(status: Int = 200, headers: [String: String] = [:], body: Data = Data(), delay: Double = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        /// A 200 reply with a text body.
        public static func text(_ text: String, contentType: String = "text/calendar; charset=utf-8") -> Reply {
            Reply(headers: ["Content-Type": contentType], body: Data(text.utf8))
        }
    }

    private let server: HTTPServer
    private let replies: ReplyTable
    private let task: Task<Void, any Error>
    /// The port it listens on.
    public let port: UInt16

    /// Starts a server answering `GET path` with each reply.
    public init(routes: [String: Reply]) async throws {
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let replies = ReplyTable(routes)
        self.replies = replies
        for path in routes.keys {
            await server.appendRoute(HTTPRoute("GET \(path)")) { request in
                let authorization = request.headers[HTTPHeader("Authorization")]
                replies.authorizations.withLock { $0[path, default: []].append(authorization) }
                let reply = replies.table.withLock { $0[path]! }
                if reply.delay > 0 { try await Task.sleep(for: .milliseconds(Int(reply.delay * 1000))) }
                var headers = HTTPHeaders()
                for (name, value) in reply.headers { headers[HTTPHeader(name)] = value }
                return HTTPResponse(
                    statusCode: HTTPStatusCode(reply.status, phrase: "Test"), headers: headers, body: reply.body)
            }
        }
        let server = self.server
        task = Task { try await server.run() }
        // Generous: with two cores, the whole suite running beside it can keep the server task waiting for seconds.
        try await server.waitUntilListening(timeout: 60)
        let address = await server.listeningAddress
        guard case .ip4(_, let listening)? = address else { throw URLError(.cannotConnectToHost) }
        self.port = listening
    }

    /// Changes what a path of the server answers from now on.
    public func replace(_ path: String, with reply: Reply) {
        replies.table.withLock { $0[path] = reply }
    }

    /// The `Authorization` header of each request to `path` so far, in order (nil for a request without one).
    public func authorizations(_ path: String) -> [String?] {
        replies.authorizations.withLock { $0[path] ?? [] }
    }

    /// The URL of a path on this server.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server.
    public func stop() async {
        await server.stop()
        task.cancel()
        _ = await task.result
    }
}

/// The server's current replies by path, shared with its route handlers.
private final class ReplyTable: Sendable {
    let table: Mutex<[String: LoopbackServer.Reply]>
    let authorizations = Mutex<[String: [String?]]>([:])

    init(_ routes: [String: LoopbackServer.Reply]) { table = Mutex(routes) }
}
