import Crypto
import Foundation

/// The secrets of a session: the token the browser holds in its cookie, the SHA-256 the store keeps instead (so a
/// copy of the store opens no session), and the token its forms carry back (CSRF).
public struct SessionTokens: Sendable, Hashable {
    /// What goes in the cookie: 32 random bytes, URL-safe base64 without padding.
    public let token: String
    /// What the store keeps: the token's SHA-256, lowercase hex.
    public var tokenHash: String { Self.hash(token) }
    /// What every form of the session carries in a hidden field, checked on each POST.
    public let csrfToken: String

    /// New random tokens.
    public init() {
        self.token = Self.newToken()
        self.csrfToken = Self.newToken()
    }

    /// 32 bytes from the system's random number generator, as URL-safe base64 without padding (43 characters).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacing("+", with: "-").replacing("/", with: "_")
            .replacing("=", with: "")
    }

    /// The SHA-256 of `token`, lowercase hex: how the store knows a session (or a calendar subscription) by its token.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether two tokens are equal, taking the same time wherever they differ (compares their hashes).
    public static func same(_ given: String?, _ expected: String) -> Bool {
        guard let given, !expected.isEmpty else { return false }
        let left = Array(SHA256.hash(data: Data(given.utf8)))
        let right = Array(SHA256.hash(data: Data(expected.utf8)))
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
