/// What the week should favour besides the objective's fixed terms (`wishes:` in plan.yaml). Each wish is a
/// weighted term, counted in minutes of travel so that it weighs against the travel the week saves, or a rule the
/// week must hold to. With every weight at zero the week is planned exactly as without wishes.
public struct Wishes: Sendable, Hashable {
    /// Minutes of travel an `either` client met online costs the week: in person is preferred unless it takes more
    /// travel than this (`in_person`, default 480: a day's travel).
    public var inPersonMinutes: Int = 480

    /// The default wishes: in person preferred by 480 minutes of travel, nothing else.
    public init() {}
}
