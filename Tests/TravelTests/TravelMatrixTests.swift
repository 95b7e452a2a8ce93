import Testing
import Travel

@Suite("Travel matrix")
struct TravelMatrixTests {
    @Test func pairsAreDirectionalAndASecondSetReplacesTheFirst() {
        var matrix = TravelMatrix()
        #expect(matrix.isEmpty && matrix.count == 0 && matrix.placeIDs.isEmpty)
        matrix.set(from: "office", to: "a1", seconds: 720)
        matrix.set(from: "a1", to: "b2", seconds: 750)
        matrix.set(from: "office", to: "a1", seconds: 700)
        #expect(matrix.count == 2 && !matrix.isEmpty)
        #expect(matrix.seconds(from: "office", to: "a1") == 700)
        #expect(matrix.seconds(from: "a1", to: "office") == nil)
        #expect(matrix.seconds(from: "office", to: "nowhere") == nil)
        #expect(matrix.placeIDs == ["a1", "b2", "office"])
        let (a1, b2) = (matrix.index(of: "a1")!, matrix.index(of: "b2")!)
        #expect(matrix.seconds(fromIndex: a1, toIndex: b2) == 750 && matrix.seconds(fromIndex: b2, toIndex: a1) == nil)
    }

    @Test func matricesWithTheSamePairsAreEqualWhateverTheOrder() {
        var one = TravelMatrix()
        var two = TravelMatrix()
        one.set(from: "a", to: "b", seconds: 60)
        one.set(from: "c", to: "a", seconds: 90)
        two.set(from: "c", to: "a", seconds: 90)
        two.set(from: "a", to: "b", seconds: 60)
        #expect(one == two && one.hashValue == two.hashValue)
        two.set(from: "a", to: "b", seconds: 61)
        #expect(one != two)
    }
}
