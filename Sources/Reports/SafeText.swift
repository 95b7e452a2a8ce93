/// Text from outside (feeds, CSV files, plans) made safe for where it is shown: a terminal, JSON, or a page. Nothing
/// in a client's name or an event's summary may move the cursor, retitle a terminal, write the clipboard, or reverse
/// the text around it.
public enum SafeText {
    /// For a terminal: every control character but newline and tab (C0, DEL, C1, so ESC, CSI and OSC sequences
    /// cannot start) and every bidirectional formatting character is shown as a visible `\u{…}` escape.
    public static func terminal(_ text: String) -> String {
        replacing(in: text, where: { isControl($0) || isBidiControl($0) }, with: visible)
    }

    /// For one line of a terminal: as `terminal`, and line breaks too are shown as `\u{A}`, so a name or summary
    /// holding a newline cannot print a line of its own (a fake "no problems found").
    public static func line(_ text: String) -> String {
        // Line breaks: LF, VT, FF, CR, NEL, LS, PS.
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        return replacing(
            in: text, where: { isControl($0) || isBidiControl($0) || breaks.contains($0.value) }, with: visible)
    }

    /// A scalar as a visible `\u{…}` escape.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// For JSON text already encoded (JSONEncoder escapes C0 but leaves C1 and bidirectional controls raw): those
    /// become `\uXXXX` escapes, which decode to the same string.
    public static func json(_ encoded: String) -> String {
        // Raw C0 cannot appear inside JSON strings; between tokens it is whitespace (newline, tab) and stays.
        replacing(
            in: encoded, where: { ($0.value >= 0x7F && isControl($0)) || isBidiControl($0) },
            with: {
                let hex = String($0.value, radix: 16, uppercase: true)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            })
    }

    /// `text` with each scalar `matches` accepts written as `escape` gives it (the text itself when none does).
    private static func replacing(
        in text: String, where matches: (Unicode.Scalar) -> Bool, with escape: (Unicode.Scalar) -> String
    ) -> String {
        guard text.unicodeScalars.contains(where: matches) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if matches(scalar) { out.append(contentsOf: escape(scalar).unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// The text as a bidirectional island: explicit embeddings, overrides and isolates it opens are closed at its
    /// end (and stray closers dropped), and text holding right-to-left letters or bidi controls is wrapped in
    /// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of `<bdi>`, so it cannot reorder what
    /// follows it on the line.
    public static func bidiIsolated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isBidiControl($0) || isRightToLeft($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var open: [Unicode.Scalar] = []  // the closer each opened embedding or isolate needs
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A...0x202E where scalar.value != 0x202C:
                open.append("\u{202C}")
                out.append(scalar)
            case 0x2066...0x2068:
                open.append("\u{2069}")
                out.append(scalar)
            case 0x202C, 0x2069:
                // A closer only closes what this text opened (a PDI also closes embeddings opened after its isolate).
                guard let index = open.lastIndex(of: scalar) else { continue }
                for closer in open[index...].reversed() { out.append(closer) }
                open.removeSubrange(index...)
            default: out.append(scalar)
            }
        }
        for closer in open.reversed() { out.append(closer) }
        return "\u{2068}" + String(out) + "\u{2069}"
    }

    /// C0 controls but newline and tab, DEL, and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }

    /// Explicit bidirectional formatting characters (embeddings, overrides, isolates and their closers; LRM, RLM
    /// and ALM, which cannot reorder anything beyond themselves, are not counted).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }
}
