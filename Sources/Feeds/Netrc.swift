import Messages

/// A netrc-style credentials file: `machine HOST login USER password PASS` entries, tokens separated by blanks or
/// newlines, `"quoted tokens"` with `\"` and `\\`, `#` comments to the end of the line (quote a token that starts
/// with `#`), `macdef` bodies skipped to the next blank line.
/// A `default` entry is never used: credentials go only to the machine they name.
public struct Netrc: Sendable {
    /// One `machine` entry.
    public struct Entry: Sendable, Hashable {
        /// The host name, lower-cased.
        public var machine: String
        /// The user name.
        public var login: String
        /// The password.
        public var password: String
        /// The line of the `machine` token.
        public var line: Int

        /// `login:password`, as basic auth takes it.
        public var userPassword: String { "\(login):\(password)" }
    }

    /// A problem reading the file, at a line.
    public struct ParseError: Error, Sendable {
        /// The line (1-based).
        public var line: Int
        /// What is wrong, in the reader's language.
        public var sentence: Message
        /// What is wrong, in English (logs, tests).
        public var message: String { sentence.text(.en) }

        init(line: Int, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) {
            self.line = line
            sentence = Message(key, arguments)
        }
    }

    /// The `machine` entries, in file order.
    public var entries: [Entry]

    /// Parses netrc text.
    public init(text: String) throws(ParseError) {
        var tokens: [(text: String, line: Int)] = []
        var line = 1
        var characters = Array(text)[...]  // "\r\n" is one Character: newlines are tested with isNewline
        while let character = characters.first {
            if character.isNewline {
                line += 1
                characters = characters.dropFirst()
            } else if character.isWhitespace {
                characters = characters.dropFirst()
            } else if character == "#" {
                characters = characters.drop { !$0.isNewline }
            } else if character == "\"" {
                var token = ""
                var rest = characters.dropFirst()
                var closed = false
                while let next = rest.first {
                    rest = rest.dropFirst()
                    if next == "\"" {
                        closed = true
                        break
                    }
                    if next == "\\", let escaped = rest.first {
                        token.append(escaped)
                        rest = rest.dropFirst()
                    } else {
                        if next.isNewline { break }
                        token.append(next)
                    }
                }
                guard closed else { throw ParseError(line: line, .netrcQuoteOpen) }
                tokens.append((token, line))
                characters = rest
            } else {
                let token = String(characters.prefix { !$0.isWhitespace })
                tokens.append((token, line))
                characters = characters.dropFirst(token.count)
                if token == "macdef" {
                    // The macro's name ends its line; its body runs to the next empty line.
                    characters = characters.drop { !$0.isNewline }
                    while let newline = characters.firstIndex(where: \.isNewline) {
                        line += 1
                        characters = characters[characters.index(after: newline)...]
                        if characters.first?.isNewline ?? true { break }
                        characters = characters.drop { !$0.isNewline }
                    }
                }
            }
        }
        var entries: [Entry] = []
        var index = 0
        var current: (machine: String?, login: String?, password: String?, line: Int)?
        func close() throws(ParseError) {
            guard let entry = current else { return }
            defer { current = nil }
            guard let machine = entry.machine else { return }  // `default`: never used
            guard let login = entry.login, let password = entry.password else {
                throw ParseError(line: entry.line, .netrcNeedsLoginPassword, ["machine": .text(machine)])
            }
            entries.append(Entry(machine: machine.lowercased(), login: login, password: password, line: entry.line))
        }
        while index < tokens.count {
            let (token, tokenLine) = tokens[index]
            switch token {
            case "machine", "default":
                try close()
                if token == "default" {
                    current = (nil, nil, nil, tokenLine)
                    index += 1
                    continue
                }
                guard index + 1 < tokens.count else {
                    throw ParseError(line: tokenLine, .netrcMachineNeedsHost)
                }
                current = (tokens[index + 1].text, nil, nil, tokenLine)
                index += 2
            case "login", "password", "account":
                guard current != nil else {
                    throw ParseError(line: tokenLine, .netrcBeforeMachine, ["token": .text(token)])
                }
                guard index + 1 < tokens.count else {
                    throw ParseError(line: tokenLine, .netrcNeedsValue, ["token": .text(token)])
                }
                if token == "login" { current?.login = tokens[index + 1].text }
                if token == "password" { current?.password = tokens[index + 1].text }
                index += 2
            case "macdef":
                try close()
                index += 1  // its name and body were skipped while reading tokens
            default:
                // The word itself is not shown: it may be (part of) a password.
                throw ParseError(line: tokenLine, .netrcUnexpectedWord)
            }
        }
        try close()
        self.entries = entries
    }

    /// The first entry for `host` (compared without case), if any.
    public func entry(forHost host: String) -> Entry? {
        let wanted = host.lowercased()
        return entries.first { $0.machine == wanted }
    }
}
