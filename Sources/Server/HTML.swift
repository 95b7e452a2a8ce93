import Audit
import Messages
import Reports

/// A piece of HTML that is safe by construction: text put in is always escaped, and markup comes only from the
/// builder's own functions, whose element and attribute names are string literals of this source (`StaticString`),
/// never data.
///
/// Why our own and not a library: of this machine's packages, JohnSundell/Plot 0.14.0 is an HTML DSL but lets raw
/// strings in through `Node.raw` / `.text` variants and slows type-checking with its generic node trees, and
/// swift-mustache's `{{{triple}}}` sections write data unescaped and its templates are only checked at run time.
/// Fifty lines keep "no raw markup from data" something a reader can see at once.
public struct HTML: Sendable, Hashable {
    /// The markup.
    public private(set) var markup: String

    private init(markup: String) { self.markup = markup }

    /// Nothing.
    public static let empty = HTML(markup: "")

    /// `text`, escaped as the reports escape it (`HTMLReport.escape`): `& < > " '` become character references,
    /// control characters U+FFFD, and right-to-left text is isolated.
    public static func text(_ text: some StringProtocol) -> HTML { HTML(markup: HTMLReport.escape(text)) }

    /// Pieces one after another.
    public init(_ pieces: [HTML]) { self.markup = pieces.map(\.markup).joined() }

    /// An element with attributes (values escaped; a nil value leaves the attribute out, an empty one writes it bare)
    /// and children.
    public static func element(
        _ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:], _ children: [HTML] = []
    ) -> HTML {
        var markup = "<\(name)"
        for (attribute, value) in attributes {
            guard let value else { continue }
            markup += value.isEmpty ? " \(attribute)" : " \(attribute)=\"\(HTMLReport.escape(value))\""
        }
        markup += ">"
        if Self.void.contains("\(name)") { return HTML(markup: markup) }
        return HTML(markup: markup + children.map(\.markup).joined() + "</\(name)>")
    }

    /// A whole page: the doctype and `html`.
    public static func document(_ html: HTML) -> HTML { HTML(markup: "<!DOCTYPE html>\n" + html.markup + "\n") }

    /// A style sheet from this source.
    public static func style(_ sheet: StaticString) -> HTML { HTML(markup: "<style>\(sheet)</style>") }

    /// Weeks as the reports draw them (`HTMLReport.sections`, which escapes every value it puts in): header, clashes
    /// or findings, timelines, route map, visits, left-out visits, people.
    static func reportSections(
        title: String, weeks: [HTMLReport.Week], clashes: [Clash], language: Language, findings: Bool
    ) -> HTML {
        HTML(
            markup: HTMLReport.sections(
                title: title, weeks: weeks, handPlans: [], clashes: clashes, language: language, findings: findings))
    }

    /// The bureau's report as the reports draw it (`BureauReport.sections`, which escapes every value it puts in):
    /// its title, the figures and the heat map.
    static func bureauReport(_ report: BureauReport, language: Language) -> HTML {
        HTML(markup: report.sections(language))
    }

    /// The bureau report's style sheet (its heat map's colours).
    static let bureauStyle = HTML(markup: "<style>\(BureauReport.stylesheet)</style>")

    /// Markup made earlier by this builder and kept as text (`BoardState.rendered`): only what `markup` gave.
    static func rendered(_ markup: String) -> HTML { HTML(markup: markup) }

    /// The reports' style sheet, which the board's pages share.
    static let reportStyle = HTML(markup: "<style>\(HTMLReport.stylesheet)</style>")

    /// A script of the board's own, from its path on this site (the pages' policy lets no other script run).
    static func script(_ path: StaticString) -> HTML { HTML(markup: "<script src=\"\(path)\" defer></script>") }

    /// Elements that have no end tag.
    private static let void: Set<String> = ["meta", "input", "br", "link", "hr"]
}
