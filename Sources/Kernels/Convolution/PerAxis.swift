/// One number per spatial axis: a stride or dilation `[h, w]`. An integer literal is both.
public struct PerAxis: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// Along the rows.
    public var height: Int
    /// Along the columns.
    public var width: Int

    /// `height` along the rows and `width` along the columns.
    public init(height: Int, width: Int) {
        (self.height, self.width) = (height, width)
    }

    /// `n` along both axes.
    public init(_ n: Int) {
        self.init(height: n, width: n)
    }

    /// `n` along both axes.
    public init(integerLiteral n: Int) {
        self.init(n)
    }

    /// `2` when both are 2, `[2, 3]` otherwise.
    public var description: String { height == width ? "\(height)" : "[\(height), \(width)]" }
}
