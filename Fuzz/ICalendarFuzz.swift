import ICalendar
import Timeline

// libFuzzer entry point: parse arbitrary bytes, expand a bounded window, derive busy time, write events back.
// Built by scripts/build-fuzzer (swiftc with -sanitize=fuzzer,address); run as docs/FUZZING.md says.

private let window = Interval(Instant(iso8601: "2024-01-01T00:00:00Z")!, Instant(iso8601: "2024-03-01T00:00:00Z")!)
private let zone = Zone(identifier: "Asia/Shanghai")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendar(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    guard let calendar = try? VCalendar.parse(bytes: bytes) else { return 0 }
    let occurrences = calendar.occurrences(in: window, floating: zone)
    for occurrence in occurrences where occurrence.interval.end < occurrence.interval.start {
        fatalError("occurrence ends before it starts")
    }
    _ = calendar.busy(in: window, floating: zone)
    _ = ICalendarWriter.write(calendar.components)
    return 0
}
