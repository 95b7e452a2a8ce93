/// Writes components as iCalendar text: CRLF line ends, lines folded at 75 octets without splitting a character.
/// Whatever the components hold, every content line stays one line: names keep only name characters, parameter
/// values lose DQUOTE and control characters, and a line break in a value is written as the TEXT escape `\n`.
public enum ICalendarWriter {
    /// The text of components, in order.
    public static func write(_ components: [Component]) -> String {
        var output = ""
        // An explicit stack instead of recursion: the depth of a tree built in code is not bounded by the reader's.
        var pending: [(component: Component, closing: Bool)] = components.reversed().map { ($0, false) }
        while let (component, closing) = pending.popLast() {
            let name = safeName(component.name)
            if closing {
                output += fold("END:\(name)")
                continue
            }
            output += fold("BEGIN:\(name)")
            for property in component.properties { output += fold(line(property)) }
            pending.append((component, true))
            pending += component.components.reversed().map { ($0, false) }
        }
        return output
    }

    /// One property as an unfolded content line, quoting parameter values that need it.
    static func line(_ property: ContentLine) -> String {
        var text = safeName(property.name)
        for parameter in property.parameters {
            let value = safeParameter(parameter.value)
            let needsQuotes = value.contains(where: { $0 == ":" || $0 == ";" || $0 == "," })
            text += ";\(safeName(parameter.name))=" + (needsQuotes ? "\"\(value)\"" : value)
        }
        return text + ":" + safeValue(property.value)
    }

    /// A property, parameter or component name: letters, digits and `-` only (RFC 5545 §3.1), else `X-INVALID`.
    static func safeName(_ name: String) -> String {
        let kept = String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter { scalar in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
                }))
        return kept.isEmpty ? "X-INVALID" : kept
    }

    /// A parameter value without DQUOTE or control characters (RFC 5545 §3.1 forbids both, quoted or not).
    static func safeParameter(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\"" && !TextValue.isControl($0) }))
    }

    /// A property value with no line break and no control character but HTAB: line breaks become the TEXT escape
    /// `\n`, other control characters are dropped.
    static func safeValue(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: TextValue.isControl) else { return value }
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in value.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if TextValue.isLineBreak(scalar) {
                if scalar == "\n" && afterCR { continue }
                result += "\\n".unicodeScalars
            } else if !TextValue.isControl(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Folds a line at 75 octets and ends it with CRLF; a fold never splits a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result + "\r\n"
    }
}

extension ContentLine {
    /// A property whose value is text, escaped per RFC 5545 §3.3.11.
    public static func text(_ name: String, _ value: String, parameters: [String: String] = [:]) -> ContentLine {
        ContentLine(name: name, parameters: parameters, value: TextValue.escape(value))
    }
}
