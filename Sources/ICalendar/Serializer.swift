/// Writes components as iCalendar text: CRLF line ends, lines folded at 75 octets without splitting a character.
public enum ICalendarWriter {
    /// The text of components, in order.
    public static func write(_ components: [Component]) -> String {
        var output = ""
        for component in components { append(component, to: &output) }
        return output
    }

    private static func append(_ component: Component, to output: inout String) {
        output += fold("BEGIN:\(component.name)")
        for property in component.properties { output += fold(line(property)) }
        for child in component.components { append(child, to: &output) }
        output += fold("END:\(component.name)")
    }

    /// One property as an unfolded content line, quoting parameter values that need it.
    static func line(_ property: ContentLine) -> String {
        var text = property.name
        for parameter in property.parameters {
            let value = parameter.value
            let needsQuotes = value.contains(where: { $0 == ":" || $0 == ";" || $0 == "," })
            text += ";\(parameter.name)=" + (needsQuotes ? "\"\(value)\"" : value)
        }
        return text + ":" + property.value
    }

    /// Folds a line at 75 octets and ends it with CRLF.
    static func fold(_ line: String) -> String {
        var result = ""
        var width = 0
        for character in line {
            let size = character.utf8.count
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.append(character)
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
