/// An n-dimensional array of `Float` in row-major order (the last axis varies fastest).
///
/// An image is `[height, width, channels]`, a batch `[batch, height, width, channels]`.
/// Value semantics: copies share storage until one of them is written (copy on write).
public struct Tensor: Sendable, Equatable {
    /// The size of each axis.
    public let shape: [Int]
    /// The elements, row-major.
    public var scalars: [Float]

    /// Creates a tensor of `shape` holding `scalars` in row-major order.
    /// - Throws: `KernelsError` when the number of scalars is not the product of the shape.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 >= 0 }), count == scalars.count else {
            throw KernelsError("a tensor of shape \(shape) needs \(count) values, not \(scalars.count)")
        }
        self.shape = shape
        self.scalars = scalars
    }
}
