import Kernels

/// A stratified, seeded train/test split of a labelled dataset: every class keeps its share in
/// both parts, and the same labels, fraction and seed give the same split on every machine.
///
/// The algorithm (`Data/digits/split.py` is the same in Python):
/// 1. The classes are 0 through the largest label; each must have at least one item.
/// 2. One `SeededGenerator(seed:)` serves the whole split. For each class in order 0, 1, 2, …:
///    the indices of its items in dataset order are shuffled by Fisher–Yates from the end — for
///    i from n − 1 down to 1, swap positions i and j, where j = ⌊next() · (i + 1) / 2⁶⁴⌋ (the
///    high 64 bits of the 128-bit product).
/// 3. The first t shuffled indices of the class go to test and the rest to train, where
///    t = testFraction · n computed in `Double` and rounded half away from zero.
/// 4. `train` and `test` are each sorted ascending (dataset order).
public struct StratifiedSplit: Sendable, Equatable {
    /// Indices of the training items, ascending.
    public let train: [Int]
    /// Indices of the test items, ascending.
    public let test: [Int]

    /// Splits the items with `labels`, putting `testFraction` of each class in `test`.
    /// - Parameters:
    ///   - labels: each item's class, 0 or more.
    ///   - testFraction: the share of each class held out, strictly between 0 and 1.
    ///   - seed: the seed of the generator that shuffles each class.
    /// - Throws: `DatasetsError` when there are no labels, a label is negative, a class between
    ///   0 and the largest label has no items, the fraction is not strictly between 0 and 1, or
    ///   it leaves a class with no item in train or no item in test.
    public init(labels: [Int], testFraction: Double, seed: UInt64) throws(DatasetsError) {
        guard testFraction > 0, testFraction < 1 else {
            let problem = testFraction.isNaN ? "is not a number" : testFraction <= 0 ? "leaves nothing to test on" : "leaves nothing to train on"
            throw DatasetsError("a test fraction of \(testFraction) \(problem); it must be strictly between 0 and 1, such as 0.2")
        }
        guard let largest = labels.max() else { throw DatasetsError("a split needs at least one labelled item") }
        if let negative = labels.firstIndex(where: { $0 < 0 }) {
            throw DatasetsError("item \(negative) has the label \(labels[negative]); labels are classes 0, 1, 2, …")
        }
        var members = [[Int]](repeating: [], count: largest + 1)
        for (index, label) in labels.enumerated() { members[label].append(index) }
        if let empty = members.firstIndex(where: \.isEmpty) {
            throw DatasetsError(
                "class \(empty) has no items; a stratified split needs every class from 0 to \(largest)")
        }
        var generator = SeededGenerator(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for (label, var indices) in members.enumerated() {
            generator.shuffle(&indices)
            let exact = testFraction * Double(indices.count)
            let count = Int(exact.rounded(.toNearestOrAwayFromZero))
            guard count > 0, count < indices.count else {
                throw DatasetsError(
                    "a test fraction of \(testFraction) puts round(\(testFraction) × \(indices.count)) = \(count) of class \(label)'s \(indices.count) items in the test set; each class needs at least one item in both sets")
            }
            test += indices[..<count]
            train += indices[count...]
        }
        self.train = train.sorted()
        self.test = test.sorted()
    }
}
