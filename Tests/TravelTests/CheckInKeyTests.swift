import Testing
import Travel

/// One rule for check-in settings: the keys and range plan.yaml's `check_in_minutes` and `tiaoqi route --check-in`
/// both read (`CheckInKey`).
@Suite("Check-in keys")
struct CheckInKeyTests {
    @Test func pairsSetTheMinutesOfEachKey() throws {
        var rules = TravelRules()
        try rules.setCheckIn(pairs: "train=25, flight=70,international_flight=480,bus=0")
        #expect(rules.checkIn(.rail) == 25)
        #expect(rules.checkIn(.air) == 70)
        #expect(rules.checkIn(.air, international: true) == 480)
        #expect(rules.checkIn(.bus) == 0)
        #expect(CheckInKey.allCases.map { rules.checkIn($0) } == [25, 70, 480, 0])
    }

    @Test func theDefaultsReadBackUnderTheirKeys() {
        #expect(CheckInKey.allCases.map { TravelRules().checkIn($0) } == [20, 60, 120, 10])
        #expect(CheckInKey.names == "train, flight, international_flight, bus")
    }

    @Test(arguments: [
        "rail=20", "air=60", "international=120", "train=481", "train=-1", "train=+5", "train=5.0", "train", "train=",
        "", "train=20,,bus=5",
    ])
    func whatIsNotAKeyOrInTheRangeIsRefused(pairs: String) {
        var rules = TravelRules()
        #expect(throws: TravelError.self) { try rules.setCheckIn(pairs: pairs) }
        #expect(rules == TravelRules())
    }

    @Test func minutesOutsideTheRangeAreRefusedByKeyToo() {
        var rules = TravelRules()
        #expect(throws: TravelError.self) { try rules.setCheckIn(.bus, minutes: 481) }
        #expect(throws: Never.self) { try rules.setCheckIn(.bus, minutes: 480) }
        #expect(rules.checkIn(.bus) == 480)
    }
}
