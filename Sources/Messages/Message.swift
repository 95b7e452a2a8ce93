import Foundation

/// A sentence for people, kept as a catalogue key and its arguments until it is shown in a language.
public struct Message: Sendable, Hashable {
    /// Which sentence of the catalogue.
    public var key: MessageKey
    /// The values of its `{placeholders}`.
    public var arguments: [String: Argument]

    /// A value put into a sentence: text as it is (names, ids, times), another sentence, or a list of either.
    public indirect enum Argument: Sendable, Hashable, ExpressibleByStringLiteral {
        /// Text shown as it is in every language.
        case text(String)
        /// A sentence rendered in the same language.
        case message(Message)
        /// Items joined in the language's way (`a, b and c` or `a、b 和 c`).
        case list([Argument], Joiner)

        public init(stringLiteral value: String) { self = .text(value) }

        /// A whole number.
        public static func number(_ value: Int) -> Argument { .text(String(value)) }

        /// A count in the singular sentence `one` when it is 1, else in `many` (each with a `{count}`).
        public static func count(_ count: Int, one: MessageKey, many: MessageKey) -> Argument {
            .message(Message(count == 1 ? one : many, ["count": .number(count)]))
        }

        /// A sentence with no arguments of its own.
        public static func word(_ key: MessageKey) -> Argument { .message(Message(key)) }

        /// A place label: `home` in the reader's language, a client's name as it is.
        public static func place(_ label: String) -> Argument { label == "home" ? .word(.home) : .text(label) }

        /// Texts joined with commas.
        public static func names(_ names: [String]) -> Argument { .list(names.map(Argument.text), .comma) }
    }

    /// How the items of a list are joined.
    public enum Joiner: Sendable, Hashable {
        /// `a, b` or `a、b` (items of one kind); `a, b` or `a，b` (clauses); `a; b` or `a；b`; `a and b`; `a or b`.
        case comma, clause, and, or, semicolon
    }

    /// A sentence of the catalogue with its arguments.
    public init(_ key: MessageKey, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// Text that comes from outside the catalogue (a server's reason, a line read back from plan.json), shown as it is.
    public static func verbatim(_ text: String) -> Message { Message(.verbatim, ["text": .text(text)]) }

    /// The sentence in `language`.
    public func text(_ language: Language) -> String {
        var out = ""
        var rest = Substring(Catalogue.template(key, language))
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += arguments[name].map { $0.text(language) } ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension Message.Argument {
    /// The argument in `language`.
    public func text(_ language: Language) -> String {
        switch self {
        case .text(let text): return text
        case .message(let message): return message.text(language)
        case .list(let items, let joiner):
            let texts = items.map { $0.text(language) }
            let comma = Catalogue.template(.listComma, language)
            switch joiner {
            case .comma: return texts.joined(separator: comma)
            case .semicolon: return texts.joined(separator: Catalogue.template(.listSemicolon, language))
            case .clause: return texts.joined(separator: Catalogue.template(.listClause, language))
            case .and, .or:
                guard texts.count > 1 else { return texts.first ?? "" }
                let last = Catalogue.template(joiner == .and ? .listAnd : .listOr, language)
                return texts.dropLast().joined(separator: comma) + last + texts.last!
            }
        }
    }
}

extension CodingUserInfoKey {
    /// The `Language` a `Message` is written in when encoded (English when not set).
    public static let messageLanguage = CodingUserInfoKey(rawValue: "tiaoqi.messageLanguage")!
}

/// In JSON a message is its text in the encoder's `messageLanguage`; text read back is kept verbatim.
extension Message: Codable {
    public init(from decoder: any Decoder) throws {
        self = .verbatim(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text(encoder.userInfo[.messageLanguage] as? Language ?? .en))
    }
}

extension Message {
    /// `file:line: sentence`, or `file: sentence` without a line: where a warning or an input error is.
    public static func at(_ file: String, line: Int? = nil, _ sentence: Message) -> Message {
        guard let line else { return Message(.atFile, ["file": .text(file), "text": .message(sentence)]) }
        return Message(.atFileLine, ["file": .text(file), "line": .number(line), "text": .message(sentence)])
    }
}
