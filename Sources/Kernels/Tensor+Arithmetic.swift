extension Tensor {
    /// The element-wise sum with a tensor of the same shape.
    /// - Throws: `KernelsError` naming both shapes when they differ.
    public func adding(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "add") { $0 + $1 }
    }

    /// The element-wise difference with a tensor of the same shape.
    /// - Throws: `KernelsError` naming both shapes when they differ.
    public func subtracting(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "subtract") { $0 - $1 }
    }

    /// The element-wise product with a tensor of the same shape.
    /// - Throws: `KernelsError` naming both shapes when they differ.
    public func multiplying(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "multiply") { $0 * $1 }
    }

    /// The element-wise quotient by a tensor of the same shape (IEEE: x / 0 is ±∞ or NaN).
    /// - Throws: `KernelsError` naming both shapes when they differ.
    public func dividing(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "divide") { $0 / $1 }
    }

    /// `scalar` added to every element.
    public func adding(_ scalar: Float) -> Tensor { mappedInLanes { $0 + scalar } }

    /// `scalar` subtracted from every element.
    public func subtracting(_ scalar: Float) -> Tensor { mappedInLanes { $0 - scalar } }

    /// Every element times `scalar`.
    public func multiplying(_ scalar: Float) -> Tensor { mappedInLanes { $0 * scalar } }

    /// Every element divided by `scalar` (IEEE: x / 0 is ±∞ or NaN).
    public func dividing(_ scalar: Float) -> Tensor { mappedInLanes { $0 / scalar } }

    /// The sum of the elements, accumulated in `Double` in row-major order, rounded to `Float`;
    /// 0 for an empty tensor.
    public func sum() -> Float {
        Float(doubleSum())
    }

    /// The mean of the elements (the `Double` sum divided by the count, rounded to `Float`);
    /// NaN for an empty tensor.
    public func mean() -> Float {
        Float(doubleSum() / Double(count))
    }

    /// The smallest element; NaN if any element is NaN; +∞ for an empty tensor.
    public func min() -> Float {
        scalars.reduce(Float.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) }
    }

    /// The largest element; NaN if any element is NaN; −∞ for an empty tensor.
    public func max() -> Float {
        scalars.reduce(-Float.infinity) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
    }

    private func doubleSum() -> Double {
        scalars.reduce(0.0) { $0 + Double($1) }
    }

    private func combined(with other: Tensor, verb: String, _ operation: (Lanes.Vector, Lanes.Vector) -> Lanes.Vector) throws -> Tensor {
        guard shape == other.shape else {
            throw KernelsError("cannot \(verb) tensors of shapes \(shape) and \(other.shape): the shapes must match")
        }
        return combinedInLanes(with: other, operation)
    }
}

/// Whether `a` and `b` have the same shape and every |a − b| ≤ tolerance·max(1, |b|).
///
/// Equal values are close (also infinities); NaN is close to nothing.
public func isClose(_ a: Tensor, _ b: Tensor, tolerance: Float) -> Bool {
    guard a.shape == b.shape else { return false }
    return zip(a.scalars, b.scalars).allSatisfy { x, y in
        x == y || abs(x - y) <= tolerance * Swift.max(1, abs(y))
    }
}
