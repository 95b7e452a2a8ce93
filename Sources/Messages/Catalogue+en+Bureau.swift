// The English catalogue, fourth file: the bureau's report (`tiaoqi report`). `{name}` marks a value put in.

extension Catalogue {
    /// The English templates of the bureau's report.
    static let englishBureau: [MessageKey: String] = [
        .reportTitle:
            "Bureau report, {from} to {to}, by {by}",
        .reportByTeam:
            "team",
        .reportByLeader:
            "leader",
        .reportByStage:
            "stage",
        .reportBySector:
            "sector",
        .reportByRegion:
            "region",
        .reportNone:
            "(none)",
        .reportTotal:
            "whole bureau",
        .reportTrips:
            "trips",
        .reportVisitsHeld:
            "visits held",
        .reportVisitsOnline:
            "of them online",
        .reportVisitsCalledOff:
            "cancelled or no-show",
        .reportVisitsPlanned:
            "still planned",
        .reportDelegations:
            "leader-led delegations",
        .reportProjectsAt:
            "projects {stage}",
        .reportExpected:
            "expected investment, open projects (100 M yuan)",
        .reportSigned:
            "signed in the period",
        .reportSignedYuan:
            "investment signed (100 M yuan)",
        .reportHowCounted:
            "A trip is a run of consecutive days on which someone visited clients in person away from their home city; people who travel together (the same days, the same cities) make one trip, and a trip with a leader on it is a leader-led delegation. Projects are counted as they stand now; signed means moved to signed within the period. A trip counts once in each row it touches, so the rows can add up to more than the whole bureau.",
        .reportHeatTitle:
            "Heat map: visits held by region and sector, against the targets",
        .reportHeatLegend:
            "Each cell: visits held in the period (open projects below). Its colour compares the cell's share of the visits with the share the targets give it (the region's weight × the sector's weight): red is neglected (under a quarter of it), orange under, pale on target, green over; blue has visits but no target.",
        .reportHeatCell:
            "{region} × {sector}: {visits} visits held, {projects} open projects; {share}% of the visits against a target of {target}%",
        .reportHeatEmpty:
            "No visits or projects in regions and sectors yet: give cities a region (regions.csv) and clients or projects a sector.",
    ]
}
