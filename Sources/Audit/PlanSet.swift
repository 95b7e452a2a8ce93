import Itinerary
import Messages
import Travel

/// The plans a coordinator overlays: teams' plans, each with the problem and timetable of the schedule it was made
/// from (as they are now), and weeks written by hand. `Schedules` loads one from files; `clashWeeks` turns it into
/// the clash finder's input.
public struct PlanSet: Sendable {
    /// One team's plan.
    public struct Entry: Sendable {
        /// The team (`team` in the plan, else its schedule's folder name).
        public var team: String
        /// The plan file, for messages.
        public var source: String
        /// The schedule folder the plan was made from: plans from one folder share one router.
        public var schedule: String
        /// The plan.
        public var plan: Plan
        /// The schedule's problem, with calendars as they are now.
        public var problem: Problem
        /// The schedule's timetable as it is now.
        public var timetable: Timetable

        /// An entry from its parts.
        public init(team: String, source: String, schedule: String, plan: Plan, problem: Problem, timetable: Timetable)
        {
            self.team = team
            self.source = source
            self.schedule = schedule
            self.plan = plan
            self.problem = problem
            self.timetable = timetable
        }
    }

    /// The teams' plans, in the order given.
    public var plans: [Entry]
    /// The weeks written by hand.
    public var handPlans: [HandPlan]
    /// Warnings from loading the schedules.
    public var warnings: [Message]

    /// A set from its parts.
    public init(plans: [Entry], handPlans: [HandPlan] = [], warnings: [Message] = []) {
        self.plans = plans
        self.handPlans = handPlans
        self.warnings = warnings
    }

    /// The plans as the clash finder takes them, one router per schedule folder.
    public var clashWeeks: [ClashFinder.Week] {
        var routers: [String: Router] = [:]
        return plans.map { entry in
            let router = routers[entry.schedule] ?? entry.problem.router(over: entry.timetable)
            routers[entry.schedule] = router
            return ClashFinder.Week(
                team: entry.team, source: entry.source, schedule: entry.schedule, plan: entry.plan,
                problem: entry.problem, router: router)
        }
    }
}
