import Schedules

// libFuzzer entry point: arbitrary bytes as plan.yaml. Reading it either gives a plan file or a ScheduleError with
// its line; nothing may crash, hang or grow without bound (aliases, deep nesting, huge numbers).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanYAML(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let plan = try? PlanFile(text: text, file: "plan.yaml") else { return 0 }
    _ = plan.days
    _ = plan.workingDays
    _ = plan.period
    return 0
}
