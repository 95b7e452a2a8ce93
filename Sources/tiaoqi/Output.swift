import Foundation
import Reports

/// Everything the tool prints goes through here, escaped for where it goes: tables and messages for a terminal (no
/// control or bidi characters from a feed or a file reach it raw), JSON with every control as `\u` escapes, HTML as
/// the report escaped it.
enum Output {
    /// Human text on standard output.
    static func text(_ text: String, terminator: String = "\n") {
        Swift.print(SafeText.terminal(text), terminator: terminator)
    }

    /// One line of human text on standard output: line breaks inside it are shown, not printed.
    static func line(_ text: String) {
        Swift.print(SafeText.line(text))
    }

    /// Encoded JSON on standard output.
    static func json(_ encoded: String) {
        Swift.print(SafeText.json(encoded))
    }

    /// An HTML page on standard output (the renderer escapes its inputs).
    static func html(_ page: String) {
        Swift.print(page)
    }

    /// A line on standard error (line breaks inside it shown, not printed).
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((SafeText.line(line) + "\n").utf8))
    }

    /// Several lines of our own text (usage and help) on standard error, any text inside escaped for a terminal.
    static func errorText(_ text: String) {
        FileHandle.standardError.write(Data((SafeText.terminal(text) + "\n").utf8))
    }
}
