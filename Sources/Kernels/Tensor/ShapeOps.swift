/// The same elements as a rank-1 tensor, in row-major order.
public func flatten(_ x: Tensor) -> Tensor {
    Tensor(unchecked: [x.count], x.scalars)
}

/// The element-wise sum of two tensors of the same shape, as a skip connection adds them.
/// - Throws: `KernelsError` naming both shapes when they differ.
public func add(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    try a.adding(b)
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
                for i in 0..<m {
                    for j in 0..<n { target[j * m + i] = source[i * n + j] }
                }
            }
        }
    }
}
