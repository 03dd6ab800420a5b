import Kernels

extension SeededGenerator {
    /// A whole number in 0..<n: the high 64 bits of the 128-bit product `next()` · n, that is
    /// ⌊next() · n / 2⁶⁴⌋ (Lemire's multiply-shift without rejection; the bias, below n / 2⁶⁴,
    /// is kept so that the rule stays one line in any language).
    mutating func nextIndex(below n: Int) -> Int {
        precondition(n > 0, "an index below \(n) does not exist")
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Shuffles `items` in place by Fisher–Yates from the end: for i from count − 1 down to 1,
    /// swap items[i] with items[nextIndex(below: i + 1)].
    mutating func shuffle<Element>(_ items: inout [Element]) {
        var i = items.count - 1
        while i > 0 {
            items.swapAt(i, nextIndex(below: i + 1))
            i -= 1
        }
    }
}
