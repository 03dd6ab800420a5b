/// The same elements as a rank-1 tensor, in row-major order.
public func flatten(_ x: Tensor) -> Tensor {
    Tensor(unchecked: [x.count], x.scalars)
}

/// The element-wise sum of two tensors of the same shape, as a skip connection adds them
/// (no broadcasting: a shortcut of the wrong shape is a mistake, not a bias).
/// - Throws: `KernelsError` naming both shapes when they differ.
public func add(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    guard a.shape == b.shape else {
        throw KernelsError("cannot add tensors of shapes \(a.shape) and \(b.shape): the shapes must match")
    }
    return try a.adding(b)
}

extension Tensor {
    /// The matrix with rows and columns swapped: `[m, n]` becomes `[n, m]`.
    /// - Throws: `KernelsError` when the tensor is not a matrix.
    public func transposed() throws -> Tensor {
        guard rank == 2 else {
            throw KernelsError("transposed: needs a matrix [rows, columns], not shape \(shape)")
        }
        let (m, n) = (shape[0], shape[1])
        return scalars.withUnsafeBufferPointer { source in
            Tensor.uninitialized([n, m], count: count) { target in
                Tensor.transpose(source.baseAddress!, rows: m, columns: n, into: target)
            }
        }
    }

    /// Copies the matrix at `source` ([rows, columns], row-major) transposed to `target` ([columns,
    /// rows]), in blocks of 16 × 16 so that both sides stay in the cache.
    static func transpose(_ source: UnsafePointer<Float>, rows: Int, columns: Int, into target: UnsafeMutablePointer<Float>) {
        for i0 in stride(from: 0, to: rows, by: 16) {
            for j0 in stride(from: 0, to: columns, by: 16) {
                for i in i0..<Swift.min(rows, i0 + 16) {
                    for j in j0..<Swift.min(columns, j0 + 16) { target[j * rows + i] = source[i * columns + j] }
                }
            }
        }
    }
}

extension Tensor {
    /// The tensor with its axes reordered: axis i of the result is axis `axes[i]` of this one,
    /// as NumPy's `transpose(x, axes)` (`[2, 0, 1]` turns H×W×C into C×H×W).
    /// - Throws: `KernelsError` when `axes` is not a permutation of `0..<rank`.
    public func transposed(_ axes: [Int]) throws -> Tensor {
        guard axes.count == rank, axes.sorted() == Array(0..<rank) else {
            throw KernelsError("transposed: \(axes) is not an order of the axes of shape \(shape): "
                               + "it must hold each of 0..<\(rank) once")
        }
        let own = Tensor.strides(of: shape)
        var result: [Float] = []
        result.reserveCapacity(count)
        scalars.withUnsafeBufferPointer { source in
            Tensor.walk(axes.map { shape[$0] }, strides: axes.map { own[$0] }) { result.append(source[$0]) }
        }
        return Tensor(unchecked: axes.map { shape[$0] }, result)
    }
}

/// The tensors, all of one shape, stacked along a new axis at position `axis` (negative counts
/// from the end): three `[H, W]` images stacked at axis 2 make `[H, W, 3]`.
/// - Throws: `KernelsError` when there are no tensors, their shapes differ, or the axis is out
///   of range.
public func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
    guard let first = tensors.first else { throw KernelsError("stack: needs at least one tensor") }
    if let other = tensors.firstIndex(where: { $0.shape != first.shape }) {
        throw KernelsError("stack: tensor \(other) has shape \(tensors[other].shape) but tensor 0 has "
                           + "\(first.shape); stacked tensors must have one shape")
    }
    let position = try Tensor.axis(axis, rank: first.rank + 1, operation: "stack")
    var expanded = first.shape
    expanded.insert(1, at: position)
    return try concat(tensors.map { Tensor(unchecked: expanded, $0.scalars) }, along: position)
}

/// The tensors joined along their existing axis `axis` (negative counts from the end), as
/// NumPy's `concatenate`: `[H, W, 64]` and `[H, W, 32]` along axis 2 make `[H, W, 96]`.
/// - Throws: `KernelsError` when there are no tensors, their ranks differ, a size other than
///   along `axis` differs, or the axis is out of range.
public func concat(_ tensors: [Tensor], along axis: Int) throws -> Tensor {
    guard let first = tensors.first else { throw KernelsError("concat: needs at least one tensor") }
    guard first.rank > 0 else { throw KernelsError("concat: a tensor of shape [] has no axis to join along") }
    let axis = try Tensor.axis(axis, rank: first.rank, operation: "concat")
    for (i, tensor) in tensors.enumerated() {
        var a = tensor.shape, b = first.shape
        guard a.count == b.count else {
            throw KernelsError("concat: tensor \(i) has shape \(tensor.shape) but tensor 0 has \(first.shape); "
                               + "joined tensors must have one rank")
        }
        a[axis] = 0
        b[axis] = 0
        guard a == b else {
            throw KernelsError("concat: tensor \(i) has shape \(tensor.shape) but tensor 0 has \(first.shape); "
                               + "sizes other than along axis \(axis) must match")
        }
    }
    var shape = first.shape
    shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    let count = try OpChecks.outputCount(shape, operation: "concat")
    let outer = first.shape[..<axis].reduce(1, *)
    let inner = first.shape[(axis + 1)...].reduce(1, *)
    var result: [Float] = []
    result.reserveCapacity(count)
    for o in 0..<outer {
        for tensor in tensors {
            let length = tensor.shape[axis] * inner
            result.append(contentsOf: tensor.scalars[(o * length)..<((o + 1) * length)])
        }
    }
    return Tensor(unchecked: shape, result)
}
