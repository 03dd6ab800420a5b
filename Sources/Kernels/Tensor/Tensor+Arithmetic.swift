extension Tensor {
    /// The element-wise sum with `other`, the shapes broadcast as NumPy does (a `[C]` bias onto
    /// `[H, W, C]`).
    /// - Throws: `KernelsError` naming both shapes when they do not broadcast.
    public func adding(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "add", ArithmeticLanes(operation: .add))
    }

    /// The element-wise difference with `other`, the shapes broadcast as NumPy does (a `[C]` bias onto
    /// `[H, W, C]`).
    /// - Throws: `KernelsError` naming both shapes when they do not broadcast.
    public func subtracting(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "subtract", ArithmeticLanes(operation: .subtract))
    }

    /// The element-wise product with `other`, the shapes broadcast as NumPy does (a `[C]` bias onto
    /// `[H, W, C]`).
    /// - Throws: `KernelsError` naming both shapes when they do not broadcast.
    public func multiplying(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "multiply", ArithmeticLanes(operation: .multiply))
    }

    /// The element-wise quotient by `other`, the shapes broadcast as NumPy does (IEEE: x / 0 is
    /// ±∞ or NaN).
    /// - Throws: `KernelsError` naming both shapes when they do not broadcast.
    public func dividing(_ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "divide", ArithmeticLanes(operation: .divide))
    }

    /// `scalar` added to every element.
    public func adding(_ scalar: Float) -> Tensor { mappedInLanes(ArithmeticLanes(operation: .add, scalar: scalar)) }

    /// `scalar` subtracted from every element.
    public func subtracting(_ scalar: Float) -> Tensor { mappedInLanes(ArithmeticLanes(operation: .subtract, scalar: scalar)) }

    /// Every element times `scalar`.
    public func multiplying(_ scalar: Float) -> Tensor { mappedInLanes(ArithmeticLanes(operation: .multiply, scalar: scalar)) }

    /// Every element divided by `scalar` (IEEE: x / 0 is ±∞ or NaN).
    public func dividing(_ scalar: Float) -> Tensor { mappedInLanes(ArithmeticLanes(operation: .divide, scalar: scalar)) }

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

    /// The element-wise combination with `other`, both broadcast to their common shape.
    func combined<Function: LaneFunction2>(with other: Tensor, verb: String, _ operation: Function) throws -> Tensor {
        guard shape != other.shape else { return combinedInLanes(with: other, operation) }
        let common = try Tensor.broadcastShape(shape, other.shape, verb: verb)
        return try broadcasted(to: common).combinedInLanes(with: other.broadcasted(to: common), operation)
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

/// The four arithmetic operations as lane functions, with a tensor or with a scalar.
struct ArithmeticLanes: LaneFunction, LaneFunction2 {
    enum Operation { case add, subtract, multiply, divide }
    let operation: Operation
    var scalar: Float = 0

    @inline(__always)
    func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector {
        self(x, Lanes.Vector(repeating: scalar))
    }

    @inline(__always)
    func callAsFunction(_ a: Lanes.Vector, _ b: Lanes.Vector) -> Lanes.Vector {
        switch operation {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        }
    }
}
