import Kernels

/// Element-wise arithmetic on variables of the same shape, or with a `Float`, or with a variable
/// whose shape is the end of the other's — a scalar `[]`, or `[C]` along the last axis as a bias
/// is added — repeated to the larger shape (its gradient is then summed over the repeats).
extension Variable {
    /// The element-wise sum.
    public static func + (a: Variable, b: Variable) throws -> Variable {
        try combine(a, b, "add", forward: { try $0.adding($1) }, scalarForward: { $0.adding($1) }) { dy, _, _ in (dy, dy) }
    }

    /// The element-wise difference.
    public static func - (a: Variable, b: Variable) throws -> Variable {
        try combine(a, b, "subtract", forward: { try $0.subtracting($1) }, scalarForward: { $0.subtracting($1) }) { dy, _, _ in
            (dy, dy.multiplying(-1))
        }
    }

    /// The element-wise product.
    public static func * (a: Variable, b: Variable) throws -> Variable {
        try combine(a, b, "multiply", forward: { try $0.multiplying($1) }, scalarForward: { $0.multiplying($1) }) { dy, a, b in
            (try dy.multiplying(b), try dy.multiplying(a))
        }
    }

    /// The element-wise quotient (IEEE: x / 0 is ±∞ or NaN).
    public static func / (a: Variable, b: Variable) throws -> Variable {
        try combine(a, b, "divide", forward: { try $0.dividing($1) }, scalarForward: { $0.dividing($1) }) { dy, a, b in
            // ∂(a/b)/∂b = −a/b².
            (try dy.dividing(b), try dy.multiplying(a).dividing(b.multiplying(b)).multiplying(-1))
        }
    }

    /// The value with every sign flipped.
    public static prefix func - (x: Variable) throws -> Variable {
        try x * -1
    }

    /// `scalar` added to every element.
    public static func + (x: Variable, scalar: Float) throws -> Variable {
        try result(x.value.adding(scalar), of: "add", [x]) { dy, _ in [dy] }
    }

    /// `scalar` added to every element.
    public static func + (scalar: Float, x: Variable) throws -> Variable { try x + scalar }

    /// `scalar` subtracted from every element.
    public static func - (x: Variable, scalar: Float) throws -> Variable { try x + -scalar }

    /// Every element subtracted from `scalar`.
    public static func - (scalar: Float, x: Variable) throws -> Variable { try (x * -1) + scalar }

    /// Every element times `scalar`.
    public static func * (x: Variable, scalar: Float) throws -> Variable {
        try result(x.value.multiplying(scalar), of: "multiply", [x]) { dy, _ in [dy.multiplying(scalar)] }
    }

    /// Every element times `scalar`.
    public static func * (scalar: Float, x: Variable) throws -> Variable { try x * scalar }

    /// Every element divided by `scalar`.
    public static func / (x: Variable, scalar: Float) throws -> Variable {
        try result(x.value.dividing(scalar), of: "divide", [x]) { dy, _ in [dy.dividing(scalar)] }
    }

    /// `scalar` divided by every element.
    public static func / (scalar: Float, x: Variable) throws -> Variable {
        try Variable(Tensor.filled(x.shape, with: scalar)) / x
    }

    /// The sum of the elements, shape `[]` (accumulated in `Double` in row-major order).
    public func sum() throws -> Variable {
        let shape = self.shape
        return try Variable.result(Tensor(shape: [], scalars: [value.sum()]), of: "sum", [self]) { dy, _ in
            [try Tensor.filled(shape, with: dy.scalars[0])]
        }
    }

    /// The mean of the elements, shape `[]`.
    /// - Throws: `AutodiffError` for a value with no elements.
    public func mean() throws -> Variable {
        let shape = self.shape, count = value.count
        guard count > 0 else { throw AutodiffError("mean: the value \(shape) has no elements to average") }
        return try Variable.result(Tensor(shape: [], scalars: [value.mean()]), of: "mean", [self]) { dy, _ in
            [try Tensor.filled(shape, with: dy.scalars[0] / Float(count))]
        }
    }

    /// A same-shape op, or one whose smaller operand's shape is the end of the other's (a scalar
    /// `[]`, or `[C]` along the last axis), repeated to the larger shape; `backward(dy, a, b)` gives
    /// both full-shape gradients, and the smaller side's is summed over the repeats.
    private static func combine(
        _ a: Variable, _ b: Variable, _ operation: String,
        forward: (Tensor, Tensor) throws -> Tensor, scalarForward: (Tensor, Float) -> Tensor,
        backward: @escaping (Tensor, Tensor, Tensor) throws -> (Tensor, Tensor)
    ) throws -> Variable {
        let (x, y) = (a.value, b.value)
        let full: [Int]
        if x.shape.count >= y.shape.count && Array(x.shape.suffix(y.shape.count)) == y.shape {
            full = x.shape
        } else if Array(y.shape.suffix(x.shape.count)) == x.shape {
            full = y.shape
        } else {
            throw AutodiffError(
                "cannot \(operation) values of shapes \(x.shape) and \(y.shape): the shapes must match, or one must be the end of the other (a scalar [], or [\(x.shape.last ?? 0)] along the last axis)")
        }
        let value = y.shape == [] ? scalarForward(x, y.scalars[0]) : try forward(repeated(x, to: full), repeated(y, to: full))
        return try result(value, of: operation, [a, b]) { dy, _ in
            let (dx, dz) = try backward(dy, try repeated(x, to: full), try repeated(y, to: full))
            return [try summed(dx, to: x.shape), try summed(dz, to: y.shape)]
        }
    }

    /// `t` repeated to `shape`, which ends with `t`'s shape.
    private static func repeated(_ t: Tensor, to shape: [Int]) throws -> Tensor {
        guard t.shape != shape else { return t }
        let copies = try Tensor.elementCount(of: shape) / Swift.max(1, t.count)
        return try Tensor(shape: shape, scalars: Array([[Float]](repeating: t.scalars, count: copies).joined()))
    }

    /// `gradient` summed over its leading repeats down to `shape` (in `Double`, in order).
    private static func summed(_ gradient: Tensor, to shape: [Int]) throws -> Tensor {
        guard gradient.shape != shape else { return gradient }
        let length = try Tensor.elementCount(of: shape)
        var sums = [Double](repeating: 0, count: length)
        for (i, value) in gradient.scalars.enumerated() { sums[i % Swift.max(1, length)] += Double(value) }
        return try Tensor(shape: shape, scalars: sums.map { Float($0) })
    }
}
