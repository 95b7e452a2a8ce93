import Audit
import Dispatch
import Reports
import Schedules

// libFuzzer entry point: arbitrary bytes as plan.json. A plan that decodes is audited against the quickstart week
// and rendered as the table, the per-person calendars and the HTML report, as `tiaoqi check` and `tiaoqi plan`
// would: forged prices, times, ids and counts must give findings, never a trap. Run from the repository root.
private let quickstart: Schedule? = {
    final class Box: @unchecked Sendable { var schedule: Schedule? }
    let done = DispatchSemaphore(value: 0)
    let box = Box()
    Task {
        box.schedule = try? await ScheduleLoader().load(folder: "examples/quickstart")
        done.signal()
    }
    done.wait()
    return box.schedule
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanJSON(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let plan = try? PlanJSON.decode(text, file: "plan.json"), let schedule = quickstart else { return 0 }
    _ = PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan)
    _ = PlanText.render(plan, problem: schedule.problem, timetable: schedule.timetable)
    _ = PlanCalendars.render(plan, problem: schedule.problem, timetable: schedule.timetable)
    let week = HTMLReport.Week(
        team: plan.team ?? "team", plan: plan, problem: schedule.problem, timetable: schedule.timetable)
    _ = HTMLReport.render(title: plan.name, weeks: [week], handPlans: [], clashes: [], language: .zh)
    return 0
}
