import Datasets
import Foundation
import Testing

@Suite struct StratifiedSplitTests {
    /// `Data/digits/split-seed0-test0.2.json`, written by the Python split the PyTorch benchmark imports.
    struct Committed: Decodable {
        let seed: UInt64
        let testFraction: Double
        let train: [Int]
        let test: [Int]
    }

    @Test func theDigitsSplitEqualsThePythonSplit() throws {
        let url = Fixtures.root.appendingPathComponent("Data/digits/split-seed0-test0.2.json")
        let committed = try JSONDecoder().decode(Committed.self, from: Data(contentsOf: url))
        #expect(committed.seed == 0 && committed.testFraction == 0.2)
        let split = try StratifiedSplit(labels: Digits.load().labels, testFraction: 0.2, seed: 0)
        #expect(split.train == committed.train)
        #expect(split.test == committed.test)
        #expect((split.train.count, split.test.count) == (1438, 359))
    }

    @Test(arguments: Fixtures.manifest.splits)
    func smallSplitsEqualThePythonSplit(_ fixture: Manifest.Split) throws {
        let split = try StratifiedSplit(labels: fixture.labels, testFraction: fixture.testFraction, seed: UInt64(fixture.seed)!)
        #expect(split.train == fixture.train)
        #expect(split.test == fixture.test)
    }

    /// Each class gives round(fraction × size) to test, the parts are disjoint, cover every
    /// item and keep the dataset's order.
    @Test(arguments: [(0.2, UInt64(0)), (0.5, 3), (0.1, 99), (0.9, 12345)])
    func everyClassKeepsItsShare(_ fraction: Double, _ seed: UInt64) throws {
        let labels = try Digits.load().labels
        let split = try StratifiedSplit(labels: labels, testFraction: fraction, seed: seed)
        for label in 0..<10 {
            let size = labels.count { $0 == label }
            #expect(split.test.count { labels[$0] == label } == Int((fraction * Double(size)).rounded()))
        }
        #expect(Set(split.train).isDisjoint(with: split.test))
        #expect(Set(split.train + split.test) == Set(labels.indices))
        #expect(split.train == split.train.sorted() && split.test == split.test.sorted())
    }

    @Test func theSeedChoosesTheSplitAndTheSameSeedGivesTheSameOne() throws {
        let labels = try Digits.load().labels
        let a = try StratifiedSplit(labels: labels, testFraction: 0.2, seed: 1)
        #expect(a == (try StratifiedSplit(labels: labels, testFraction: 0.2, seed: 1)))
        #expect(a.test != (try StratifiedSplit(labels: labels, testFraction: 0.2, seed: 2)).test)
    }

    @Test(arguments: [
        ("a fraction of 0", [0, 1, 0, 1], 0.0, "a test fraction of 0.0 leaves nothing to test on; it must be strictly between 0 and 1, such as 0.2"),
        ("a fraction of 1", [0, 1, 0, 1], 1.0, "a test fraction of 1.0 leaves nothing to train on; it must be strictly between 0 and 1, such as 0.2"),
        ("a negative fraction", [0, 1], -0.5, "a test fraction of -0.5 leaves nothing to test on; it must be strictly between 0 and 1, such as 0.2"),
        ("a fraction that is not a number", [0, 1], .nan, "a test fraction of nan is not a number; it must be strictly between 0 and 1, such as 0.2"),
        ("no labels", [], 0.2, "a split needs at least one labelled item"),
        ("a negative label", [0, -2, 1], 0.5, "item 1 has the label -2; labels are classes 0, 1, 2, …"),
        ("an empty class", [0, 0, 2, 2], 0.5, "class 1 has no items; a stratified split needs every class from 0 to 2"),
        ("a class too small to test", [0, 0, 0, 0, 0, 1, 1], 0.2,
         "a test fraction of 0.2 puts round(0.2 × 2) = 0 of class 1's 2 items in the test set; each class needs at least one item in both sets"),
        ("a class too small to train", [0, 0, 0, 0, 0, 0, 0, 0, 1, 1], 0.8,
         "a test fraction of 0.8 puts round(0.8 × 2) = 2 of class 1's 2 items in the test set; each class needs at least one item in both sets"),
    ] as [(String, [Int], Double, String)])
    func aSplitThatCannotBeMadeIsAnError(_ what: String, _ labels: [Int], _ fraction: Double, _ message: String) {
        #expect(throws: DatasetsError(message), "\(what)") {
            try StratifiedSplit(labels: labels, testFraction: fraction, seed: 0)
        }
    }
}
