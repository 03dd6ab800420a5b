import Threads
/// The matrix product of `[m, k]` and `[k, n]`, each output summed over k in order with fused
/// multiply-adds.
/// - Returns: `[m, n]`.
/// - Throws: `KernelsError` when an operand is not rank 2 or the inner sizes differ.
public func matmul(_ a: Tensor, _ b: Tensor, threads: Int = Parallel.coreCount) throws -> Tensor {
    guard a.rank == 2, b.rank == 2 else {
        throw KernelsError("matmul: both operands must be matrices [rows, columns], not shapes \(a.shape) and \(b.shape)")
    }
    guard a.shape[1] == b.shape[0] else {
        throw KernelsError(
            "matmul: the inner sizes must match, but \(a.shape) · \(b.shape) has \(a.shape[1]) columns on the left and \(b.shape[0]) rows on the right")
    }
    return try product(a, b, bias: nil, rows: a.shape[0], shape: [a.shape[0], b.shape[1]], operation: "matmul", threads: threads)
}

/// A fully connected layer: `input · weights (+ bias)`, weights stored `[in, out]` as Keras does.
/// - Parameters:
///   - input: `[in]` or a batch `[batch, in]`.
///   - weights: `[in, out]`.
///   - bias: `[out]`, added after the sum.
/// - Returns: `[out]` or `[batch, out]`.
/// - Throws: `KernelsError` when a rank, the input size or the bias does not match.
public func dense(_ input: Tensor, _ weights: Tensor, bias: Tensor? = nil, threads: Int = Parallel.coreCount) throws -> Tensor {
    guard weights.rank == 2 else {
        throw KernelsError("dense: the weights must be [inputs, outputs], not shape \(weights.shape)")
    }
    guard input.rank == 1 || input.rank == 2 else {
        throw KernelsError("dense: the input must be a vector [inputs] or a batch [batch, inputs], not shape \(input.shape); flatten it first")
    }
    let (inputs, outputs) = (weights.shape[0], weights.shape[1])
    guard input.shape.last == inputs else {
        throw KernelsError("dense: the weights \(weights.shape) expect \(inputs) inputs but the input \(input.shape) has \(input.shape.last ?? 0)")
    }
    try OpChecks.bias(bias, count: outputs, operation: "dense", owner: "the weights \(weights.shape) have \(outputs) outputs")
    let rows = input.rank == 2 ? input.shape[0] : 1
    let shape = input.rank == 2 ? [rows, outputs] : [outputs]
    return try product(input, weights, bias: bias, rows: rows, shape: shape, operation: "dense", threads: threads)
}

private func product(
    _ a: Tensor, _ b: Tensor, bias: Tensor?, rows: Int, shape: [Int], operation: String, threads: Int
) throws -> Tensor {
    let count = try OpChecks.outputCount(shape, operation: operation)
    let (k, n) = (b.shape[0], b.shape[1])
    guard count > 0 else { return Tensor(unchecked: shape, []) }
    guard k > 0 else {
        // An empty sum is +0; only the bias remains.
        let scalars = bias.map { bias in (0..<rows).flatMap { _ in bias.scalars } }
        return Tensor(unchecked: shape, scalars ?? [Float](repeating: 0, count: count))
    }
    let weightsArray = b.scalars
    return a.scalars.withUnsafeBufferPointer { a in
        b.scalars.withUnsafeBufferPointer { b in
            Tensor.uninitialized(shape, count: count) { c in
                func run(_ bias: UnsafePointer<Float>?) {
                    GEMM.multiply(m: rows, n: n, rows: MatrixRows(base: a.baseAddress!, ld: k, run: k), b: b.baseAddress!,
                                  ldb: n, weights: weightsArray, c: c, ldc: n, bias: bias, threads: threads)
                }
                if let bias {
                    bias.scalars.withUnsafeBufferPointer { run($0.baseAddress!) }
                } else {
                    run(nil)
                }
            }
        }
    }
}
