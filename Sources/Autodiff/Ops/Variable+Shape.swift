import Kernels

extension Variable {
    /// The same elements under a new shape; one size may be −1 (see `Tensor.reshaped(_:)`).
    /// - Throws: `KernelsError` when the element counts differ.
    public func reshaped(_ newShape: [Int]) throws -> Variable {
        let shape = self.shape
        return try Variable.result(value.reshaped(newShape), of: "reshape", [self]) { dy, _ in [try dy.reshaped(shape)] }
    }

    /// A part of the value (see `Tensor.slice(_:)`); its gradient goes back to where the part came
    /// from, zeros elsewhere.
    /// - Throws: `KernelsError` when an index is out of range.
    public func slice(_ indices: [TensorIndex]) throws -> Variable {
        let shape = self.shape
        return try Variable.result(value.slice(indices), of: "subscript", [self]) { dy, _ in
            [try sliceGradient(dy, indices: indices, inputShape: shape)]
        }
    }
}

/// The same elements as a rank-1 variable, in row-major order.
public func flatten(_ x: Variable) throws -> Variable {
    try x.reshaped([x.value.count])
}

/// The element-wise sum of two variables of the same shape, as a skip connection adds them.
/// - Throws: `AutodiffError` naming both shapes when they differ.
public func add(_ a: Variable, _ b: Variable) throws -> Variable {
    guard a.shape == b.shape else {
        throw AutodiffError("cannot add values of shapes \(a.shape) and \(b.shape): the shapes must match")
    }
    return try a + b
}

/// The variables joined along `axis` (see `concat(_:along:)`); each one's gradient is its part of
/// the output's.
/// - Throws: `KernelsError` when the shapes do not join.
public func concat(_ parts: [Variable], along axis: Int) throws -> Variable {
    let value = try concat(parts.map(\.value), along: axis)
    let rank = value.rank
    let position = axis < 0 ? axis + rank : axis
    let sizes = parts.map { $0.shape[position] }
    return try Variable.result(value, of: "concat", parts) { dy, _ in
        var start = 0
        return try sizes.map { size in
            defer { start += size }
            let indices = (0...position).map { $0 == position ? TensorIndex.range(start..<(start + size))
                                                               : .range(0..<dy.shape[$0]) }
            return try dy.slice(indices)
        }
    }
}
