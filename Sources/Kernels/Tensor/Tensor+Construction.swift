extension Tensor {
    /// A tensor of `shape` filled with zeros.
    /// - Throws: `KernelsError` when the shape has a negative size or more than
    ///   `maximumElementCount` elements, before allocating.
    public static func zeros(_ shape: [Int]) throws -> Tensor {
        try filled(shape, with: 0)
    }

    /// A tensor of `shape` filled with ones.
    /// - Throws: `KernelsError` as `zeros(_:)` does.
    public static func ones(_ shape: [Int]) throws -> Tensor {
        try filled(shape, with: 1)
    }

    /// A tensor of `shape` with every element `value`.
    /// - Throws: `KernelsError` as `zeros(_:)` does.
    public static func filled(_ shape: [Int], with value: Float) throws -> Tensor {
        let count = try elementCount(of: shape)
        return Tensor(unchecked: shape, [Float](repeating: value, count: count))
    }

    /// Uniform values in [0, 1) from `SeededGenerator(seed:)`, in row-major order.
    /// - Throws: `KernelsError` as `zeros(_:)` does.
    public static func random(_ shape: [Int], seed: UInt64) throws -> Tensor {
        let count = try elementCount(of: shape)
        var generator = SeededGenerator(seed: seed)
        return Tensor(unchecked: shape, (0..<count).map { _ in generator.nextUniform() })
    }

    /// Uniform values in [low, high): low + (high − low)·u with u from `random(_:seed:)`,
    /// fused, and kept below `high` when rounding would reach it.
    /// - Throws: `KernelsError` when the bounds are not finite or `low` is above `high`, or as
    ///   `zeros(_:)` does.
    public static func randomUniform(_ shape: [Int], low: Float, high: Float, seed: UInt64) throws -> Tensor {
        guard low.isFinite, high.isFinite, low <= high else {
            throw KernelsError("a uniform range needs finite bounds with low ≤ high, not low \(low) and high \(high)")
        }
        let count = try elementCount(of: shape)
        var generator = SeededGenerator(seed: seed)
        let width = high - low
        guard width.isFinite else {
            throw KernelsError("the uniform range from \(low) to \(high) is wider than a Float can hold")
        }
        let below = low < high ? high.nextDown : low
        return Tensor(unchecked: shape, (0..<count).map { _ in
            Swift.min(low.addingProduct(width, generator.nextUniform()), below)
        })
    }

    /// Normal values with `mean` and `standardDeviation`: mean + standardDeviation·z, fused,
    /// with z from `SeededGenerator.nextNormalPair()` taken pair by pair in row-major order
    /// (the second value of the last pair is dropped when the count is odd).
    /// - Throws: `KernelsError` when the mean or standard deviation is not finite or the
    ///   deviation is negative, or as `zeros(_:)` does.
    public static func randomNormal(
        _ shape: [Int], seed: UInt64, mean: Float = 0, standardDeviation: Float = 1
    ) throws -> Tensor {
        guard mean.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
            throw KernelsError(
                "a normal distribution needs a finite mean and a standard deviation ≥ 0, not mean \(mean) and standard deviation \(standardDeviation)")
        }
        let count = try elementCount(of: shape)
        var generator = SeededGenerator(seed: seed)
        var scalars: [Float] = []
        scalars.reserveCapacity(count + 1)
        while scalars.count < count {
            let (first, second) = generator.nextNormalPair()
            scalars.append(mean.addingProduct(standardDeviation, first))
            scalars.append(mean.addingProduct(standardDeviation, second))
        }
        scalars.removeLast(scalars.count - count)
        return Tensor(unchecked: shape, scalars)
    }
}

extension Tensor {
    /// The rank-1 tensor `start, start + step, …` up to but not including `end`, as NumPy's
    /// `arange`: ⌈(end − start)/step⌉ values, each start + i·step computed in `Double` and
    /// rounded to `Float`.
    /// - Throws: `KernelsError` when `step` is 0 or a bound is not finite, or the tensor would
    ///   be too large.
    public static func arange(from start: Double = 0, to end: Double, by step: Double = 1) throws -> Tensor {
        guard start.isFinite, end.isFinite, step.isFinite else {
            throw KernelsError("arange: the start, end and step must be finite, not \(start), \(end) and \(step)")
        }
        guard step != 0 else { throw KernelsError("arange: the step must not be 0") }
        let steps = ((end - start) / step).rounded(.up)
        guard steps < Double(maximumElementCount) + 1 else {
            throw KernelsError("arange: \(steps) values are more than the limit of \(maximumElementCount)")
        }
        let count = Swift.max(0, Int(steps))
        return Tensor(unchecked: [count], (0..<count).map { Float(start + Double($0) * step) })
    }
}
