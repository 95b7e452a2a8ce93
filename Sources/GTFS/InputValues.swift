import Messages
import Travel

/// Numbers as people write them in plan.yaml and CSV files: plain decimals only. Swift's `Double(_:)` and YAML also
/// take hex floats (`0x1p5`), `nan`, `inf`, exponents (`1e400`), octal and base-60 integers (`0o17`, `1:30`); a
/// schedule never means those, so they are refused rather than read as some other number.
public enum StrictNumber {
    /// Digits at most in a number (before and after the point); enough for any coordinate, price or minute count.
    public static let maximumDigits = 18

    /// `[+-]digits[.digits]` (also `.5` and `5.`), at most `maximumDigits` digits; nil for anything else.
    public static func decimal(_ text: String) -> Double? {
        guard isDecimal(text, allowPoint: true) else { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `[+-]digits`, at most `maximumDigits` digits; nil for anything else.
    public static func integer(_ text: String) -> Int? {
        guard isDecimal(text, allowPoint: false) else { return nil }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    private static func isDecimal(_ text: String, allowPoint: Bool) -> Bool {
        var utf8 = Substring(text).utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        var digits = 0
        var points = 0
        for byte in utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte == UInt8(ascii: ".") && allowPoint {
                points += 1
            } else {
                return false
            }
        }
        return digits >= 1 && digits <= maximumDigits && points <= 1
    }
}

/// Ids of staff, clients and cities: they name files (`<staff id>.ics`) and are matched between files, so they are
/// kept to lower-case ASCII letters, digits, `-` and `_`.
public enum Identifier {
    /// The longest id, in characters (a file name holds at most 255 bytes).
    public static let maximumLength = 64

    /// Whether `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// The sentence for an invalid id: what kind of id it is (`.idCity`, `.idClient`…), the id, and the rule.
    public static func problem(_ what: MessageKey, _ id: String) -> Message {
        let shown = id.count > maximumLength ? String(id.prefix(maximumLength)) + "…" : id
        return Message(.invalidID, ["what": .word(what), "id": .text(shown), "max": .number(maximumLength)])
    }
}

/// "Did you mean …": the known words closest to a misspelt one.
public enum Suggestion {
    /// The known word closest to `word` by edit distance, when it is close enough to be a likely misspelling.
    public static func closest(to word: String, in known: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = known.map { (word: $0, distance: editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = max(2, min(lowered.count, best.word.count) / 3)
        return best.distance <= allowed ? best.word : nil
    }
}
