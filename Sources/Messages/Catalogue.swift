/// Every sentence of Tiaoqi in each language: one table per language (`Catalogue+en.swift`, `Catalogue+zh.swift`),
/// so a translator edits one file.
public enum Catalogue {
    /// The template of `key` in `language`, placeholders as `{name}`; the English one when a table lacks it.
    public static func template(_ key: MessageKey, _ language: Language) -> String {
        table(language)[key] ?? english[key] ?? key.rawValue
    }

    /// The whole table of `language`.
    public static func table(_ language: Language) -> [MessageKey: String] {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    /// The names of the `{placeholders}` in a template, in order.
    public static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
