import Kernels

/// Element-wise arithmetic on variables whose shapes broadcast as NumPy's do (a scalar `[]`, a
/// `[C]` bias onto `[H, W, C]`, a `[H, 1]` column onto `[H, W]`), or with a `Float`; a variable
/// repeated by the broadcast gets its gradient summed over the repeats.
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

    /// A same-shape op, or one whose operands broadcast to a common shape; `backward(dy, a, b)`
    /// gives both gradients at that shape, and each is summed back to its operand's shape.
    private static func combine(
        _ a: Variable, _ b: Variable, _ operation: String,
        forward: (Tensor, Tensor) throws -> Tensor, scalarForward: (Tensor, Float) -> Tensor,
        backward: @escaping (Tensor, Tensor, Tensor) throws -> (Tensor, Tensor)
    ) throws -> Variable {
        let (x, y) = (a.value, b.value)
        guard let full = Tensor.broadcastShape(x.shape, y.shape) else {
            throw AutodiffError(
                "cannot \(operation) values of shapes \(x.shape) and \(y.shape): sizes matched from the last axis must be equal or 1")
        }
        let value = y.shape == [] ? scalarForward(x, y.scalars[0])
            : try forward(x.broadcasted(to: full), y.broadcasted(to: full))
        return try result(value, of: operation, [a, b]) { dy, _ in
            let (dx, dz) = try backward(dy, try x.broadcasted(to: full), try y.broadcasted(to: full))
            return [try dx.summed(toShape: x.shape), try dz.summed(toShape: y.shape)]
        }
    }
}
