import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store

/// What a request to the board carries besides itself: who is signed in (if anyone), their session, and the
/// language the reader reads.
public struct BoardContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, or nil.
    public var account: Account?
    /// The session it signed in with, or nil.
    public var session: SessionRecord?
    /// The reader's language: the `lang` cookie, else the first `zh…` or `en…` in Accept-Language, else Chinese.
    public var language: Language = .zh

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The reader's language for `request`: the `lang` cookie (`zh` or `en`), else Accept-Language's most wanted
    /// `zh*` or `en*`, else Chinese.
    public static func language(of request: Request) -> Language {
        if let chosen = request.cookies["lang"].flatMap({ Language(rawValue: $0.value) }) { return chosen }
        let wanted = request.headers[values: .acceptLanguage].flatMap { $0.split(separator: ",") }.enumerated()
            .compactMap { index, entry -> (quality: Double, index: Int, language: Language)? in
                let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let tag = parts.first else { return nil }
                let language: Language
                if tag.hasPrefix("zh") {
                    language = .zh
                } else if tag.hasPrefix("en") {
                    language = .en
                } else {
                    return nil
                }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                return quality > 0 ? (quality, index, language) : nil
            }
        return wanted.min { ($1.quality, $0.index) < ($0.quality, $1.index) }?.language ?? .zh
    }
}
