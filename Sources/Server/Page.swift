import HTTPTypes
import Hummingbird
import Itinerary
import Messages
import Store

/// The board's pages: one layout, every sentence from the message catalogue, every value escaped by `HTML`.
struct Page {
    /// The page's title (a catalogue sentence, filled in).
    var title: Message
    /// The reader's language.
    var language: Language
    /// Who is signed in, and the token their sign-out form carries; nil on the login page.
    var signedIn: (account: Account, csrfToken: String)?
    /// What the page shows.
    var body: [HTML]
    /// Scripts of the board's own the page runs (`/static/…`), if any.
    var scripts: [HTML] = []
    /// Style sheets the page adds to the board's.
    var styles: [HTML] = []
    /// Whether the page shows its title as its heading (not when its body has one of its own).
    var heading = true

    /// The whole page.
    var html: HTML {
        let title = title.text(language)
        return .document(
            .element(
                "html", ["lang": language == .zh ? "zh-CN" : "en"],
                [
                    .element(
                        "head", [:],
                        [
                            .element("meta", ["charset": "utf-8"]),
                            .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                            .element("title", [:], [.text(title + " · " + Message(.boardName).text(language))]),
                            HTML.reportStyle,
                        ] + styles + [.style(Self.sheet)] + scripts),
                    .element(
                        "body", [:],
                        [header, .element("main", [:], (heading ? [.element("h1", [:], [.text(title)])] : []) + body)]),
                ]))
    }

    /// The bar on top: the board's name, who is signed in, and the sign-out form with its CSRF token.
    private var header: HTML {
        var parts: [HTML] = [.element("strong", [:], [.text(Message(.boardName).text(language))])]
        if let account = signedIn?.account, let csrfToken = signedIn?.csrfToken {
            parts.append(
                .element(
                    "span", [:],
                    [
                        .text(
                            Message(.boardSignedInAs, ["name": .text(account.name), "role": .word(account.role.word)])
                                .text(language))
                    ]))
            parts.append(
                .element(
                    "form", ["method": "post", "action": "/logout"],
                    [
                        .element("input", ["type": "hidden", "name": "csrf", "value": csrfToken]),
                        .element("button", ["type": "submit"], [.text(Message(.boardSignOut).text(language))]),
                    ]))
        }
        parts.append(languageSwitch)
        return .element("header", ["class": "bar"], parts)
    }

    /// Links to read the board in the other language (they set the `lang` cookie and come back here).
    private var languageSwitch: HTML {
        .element(
            "nav", ["class": "lang"],
            [
                .element("a", ["href": "/lang/zh", "lang": "zh-CN"], [.text("中文")]), .text(" · "),
                .element("a", ["href": "/lang/en", "lang": "en"], [.text("English")]),
            ])
    }

    /// A page of one sentence.
    static func message(_ title: MessageKey, _ sentence: MessageKey, language: Language) -> Page {
        Page(
            title: Message(title), language: language, signedIn: nil,
            body: [.element("p", [:], [.text(Message(sentence).text(language))])])
    }

    /// The page as a response: HTML, never cached, and a policy that lets in no script, frame or outside resource.
    func response(status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var response = Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html.markup)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// The board's style: plain, no outside resource.
    private static let sheet: StaticString = """
        body{padding:0}\
        header.bar{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#1f4e79;color:#fff}\
        header.bar form{margin-left:auto}header.bar a{color:#fff}main{padding:1em 2em}\
        nav.pages a{margin-right:1em}label{display:block;margin:.5em 0}.error{color:#a00}\
        form.inline{display:inline;margin:0 .3em}section.box{border:1px solid #d9dce1;padding:.5em 1em;margin:1em 0}\
        .stale{background:#fff6d6}.ok{color:#2e7d32}tr.overdue td{background:#fdecea}
        """
}

extension Account.Role {
    /// The role in words.
    public var word: MessageKey {
        switch self {
        case .officer: .boardRoleOfficer
        case .lead: .boardRoleLead
        case .coordinator: .boardRoleCoordinator
        case .admin: .boardRoleAdmin
        }
    }
}

extension HTML {
    /// A table cell saying how a visit or project is met, classed `mode-in-person`, `mode-online` or `mode-either`.
    static func meeting(_ mode: MeetingMode, _ language: Language) -> HTML {
        .element("td", ["class": "mode-\(mode.rawValue)"], [.text(Message(mode.messageKey).text(language))])
    }
}
