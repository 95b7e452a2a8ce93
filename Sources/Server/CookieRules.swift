import Foundation
import Hummingbird

/// The board's cookies and the rule for their attributes. Every cookie is HttpOnly and SameSite=Strict. It is
/// Secure unless the board was started to listen on a loopback address only (127.0.0.0/8, ::1, `localhost`): there
/// the browser speaks plain http to the same machine, and a Secure cookie would not come back from every client
/// (curl, older browsers). Anywhere else the board must sit behind https, and its cookies never travel in the clear.
public struct CookieRules: Sendable {
    /// The session cookie's name.
    public static let session = "tiaoqi_session"
    /// The login form's cookie: its token must come back in the form's hidden field.
    public static let login = "tiaoqi_login"

    /// Whether cookies carry Secure.
    public var secure: Bool
    /// How long a session lasts, in seconds.
    public var sessionLifetime: Int
    /// How long a login form stays good, in seconds.
    public var loginLifetime: Int

    /// Rules for a board listening on `host`: Secure unless `host` is a loopback address.
    public init(host: String, sessionLifetime: Int = 12 * 3600, loginLifetime: Int = 3600) {
        self.init(secure: !Self.isLoopback(host), sessionLifetime: sessionLifetime, loginLifetime: loginLifetime)
    }

    /// Rules as given.
    public init(secure: Bool, sessionLifetime: Int = 12 * 3600, loginLifetime: Int = 3600) {
        self.secure = secure
        self.sessionLifetime = sessionLifetime
        self.loginLifetime = loginLifetime
    }

    /// Whether `host` is reachable only from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The session cookie holding `token`.
    func sessionCookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.session, value: token, maxAge: sessionLifetime, path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    /// The login form's cookie holding `token`.
    func loginCookie(_ token: String) -> Cookie {
        Cookie(
            name: Self.login, value: token, maxAge: loginLifetime, path: "/login", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    /// A cookie that makes the browser forget `name` at `path`.
    func expired(_ name: String, path: String) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }
}
