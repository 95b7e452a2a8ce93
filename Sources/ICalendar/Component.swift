import Messages

/// A calendar component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, …) with its properties and sub-components.
public struct Component: Sendable, Hashable {
    /// The component name, upper-cased.
    public var name: String
    /// Properties in file order, unknown ones included so the component round-trips.
    public var properties: [ContentLine]
    /// Nested components.
    public var components: [Component]
    /// The line of its BEGIN.
    public var line: Int

    /// A component from its parts.
    public init(name: String, properties: [ContentLine] = [], components: [Component] = [], line: Int = 0) {
        self.name = name
        self.properties = properties
        self.components = components
        self.line = line
    }

    /// The first property of that name.
    public func property(_ name: String) -> ContentLine? { properties.first { $0.name == name } }

    /// Every property of that name.
    public func properties(_ name: String) -> [ContentLine] { properties.filter { $0.name == name } }

    /// Nested components of that name.
    public func components(_ name: String) -> [Component] { components.filter { $0.name == name } }
}

/// Builds the component tree from content lines as they are read, reporting unbalanced BEGIN/END.
public enum ComponentBuilder {
    /// The deepest BEGIN/END nesting read (VCALENDAR is depth 1; real calendars nest 3–4 deep: VCALENDAR, VEVENT,
    /// VALARM). A deeper component is refused: the whole calendar is, since only a hostile file nests that deep,
    /// and a tree that deep would exhaust the stack when freed or compared.
    public static let maximumDepth = 16

    /// The message for a BEGIN nested past `maximumDepth`.
    static func tooDeep(_ name: String) -> Message {
        Message(.icsTooDeep, ["name": .text(name), "depth": .number(maximumDepth)])
    }

    static func componentName(_ value: String) -> String {
        if value.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D || ($0 >= 0x30 && $0 <= 0x39) }) {
            return value
        }
        return value.uppercased().trimmingSpaces
    }

    /// The tree under construction, fed one content line at a time.
    struct Tree {
        private var stack: [Component] = []
        private var roots: [Component] = []
        private var diagnostics: [Diagnostic] = []
        /// While skipping a component nested too deep: how many BEGINs are open inside it.
        private var skipping = 0
        /// The BEGIN that nested too deep, when one did.
        private(set) var tooDeep: Diagnostic?

        mutating func add(_ line: consuming ContentLine) {
            if skipping > 0 {
                // Nothing under a component nested too deep is kept: the calendar will be refused.
                if line.known == .begin { skipping += 1 } else if line.known == .end { skipping -= 1 }
                return
            }
            switch line.known {
            case .begin:
                guard stack.count < ComponentBuilder.maximumDepth else {
                    skipping = 1
                    if tooDeep == nil {
                        tooDeep = Diagnostic(line: line.line, ComponentBuilder.tooDeep(componentName(line.value)))
                    }
                    return
                }
                var component = Component(name: componentName(line.value), line: line.line)
                component.properties.reserveCapacity(12)
                stack.append(component)
            case .end:
                let name = componentName(line.value)
                guard let index = stack.lastIndex(where: { $0.name == name }) else {
                    diagnostics.append(Diagnostic(line: line.line, Message(.icsEndWithoutBegin, ["name": .text(name)])))
                    return
                }
                while stack.count > index + 1 {
                    let open = stack.removeLast()
                    diagnostics.append(
                        Diagnostic(line: open.line, Message(.icsNeverClosed, ["name": .text(open.name)])))
                    stack[stack.count - 1].components.append(open)
                }
                let done = stack.removeLast()
                if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].components.append(done) }
            default:
                if stack.isEmpty {
                    diagnostics.append(
                        Diagnostic(line: line.line, Message(.icsOutsideBlock, ["name": .text(line.name)])))
                } else {
                    stack[stack.count - 1].properties.append(line)
                }
            }
        }

        mutating func finish() -> (roots: [Component], diagnostics: [Diagnostic]) {
            while let open = stack.popLast() {
                diagnostics.append(
                    Diagnostic(line: open.line, Message(.icsNeverClosedTruncated, ["name": .text(open.name)])))
                if stack.isEmpty { roots.append(open) } else { stack[stack.count - 1].components.append(open) }
            }
            return (roots, diagnostics)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (and CR/LF).
    var trimmingSpaces: String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        let text = String(self)
        guard let first = text.utf8.first, let last = text.utf8.last else { return "" }
        if !isSpace(first) && !isSpace(last) { return text }
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        if start == 0 && end == bytes.count { return String(self) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
