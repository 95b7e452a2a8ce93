import GTFS

// libFuzzer entry point: arbitrary bytes as a CSV file (clients.csv, staff lists, city_stops.csv): read it, then
// every cell of every row as text, decimal and integer, the way the schedule loader asks for them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let table = try? CSVTable(text: text, file: "fuzz.csv") else { return 0 }
    for row in table.rows {
        for column in table.header {
            _ = row[column]
            _ = try? table.decimal(row, column, in: -180...180)
            _ = try? table.integer(row, column, in: 0...1000)
        }
    }
    return 0
}
