import GTFS
import Schedules
import Testing

@Suite("CSV reading")
struct CSVTableTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "id,name,note\r\na,\"Acme, Inc.\",\"said \"\"hi\"\"\"\r\nb,\"two\nlines\",x\r\nc, spaced ,\r\n"
        let table = try CSVTable(text: text, file: "t.csv")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows[0]["name"] == "Acme, Inc.")
        #expect(table.rows[0]["note"] == "said \"hi\"")
        #expect(table.rows[1]["name"] == "two\nlines")
        #expect(table.rows[2]["name"] == "spaced")
        #expect(table.rows[2]["note"] == nil)
    }

    @Test func aRowWithTooManyFieldsNamesItsLine() {
        let error = #expect(throws: ScheduleError.self) { try CSVTable(text: "a,b\n1,2\n1,2,3\n", file: "x.csv") }
        #expect(error?.description.hasPrefix("x.csv:3: this row has 3 fields but the header has 2") == true)
    }

    @Test func anOpenQuoteNamesTheLineItStarts() {
        let error = #expect(throws: ScheduleError.self) { try CSVTable(text: "a,b\n1,\"open\n2,3\n", file: "x.csv") }
        #expect(error?.line == 2)
    }

    @Test func aBOMIsIgnored() throws {
        let table = try CSVTable(text: "\u{FEFF}id,x\n1,2\n", file: "bom.csv")
        #expect(table.header == ["id", "x"])
    }

    @Test func numbersAreCheckedWithTheirLine() throws {
        let table = try CSVTable(text: "id,priority\na,11\n", file: "c.csv")
        let error = #expect(throws: ScheduleError.self) { try table.integer(table.rows[0], "priority", in: 1...10) }
        #expect(error?.description == "c.csv:2: 'priority' is '11'; it must be a whole number from 1 to 10")
    }
}
