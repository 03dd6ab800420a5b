import Threads

/// The gradient of `dense`'s result with respect to its input: `outputGradient · weightsᵀ`, a GEMM
/// summing each value over the outputs in order.
/// - Parameters:
///   - outputGradient: `[out]` or `[batch, out]`, the shape of `dense`'s output.
///   - weights: `[in, out]`, as given to `dense`.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: `[in]` or `[batch, in]`, the shape of `dense`'s input.
/// - Throws: `KernelsError` when the shapes do not belong to one dense layer.
public func denseInputGradient(_ outputGradient: Tensor, weights: Tensor, threads: Int = Parallel.coreCount) throws -> Tensor {
    let operation = "denseInputGradient"
    guard weights.rank == 2 else {
        throw KernelsError("\(operation): the weights must be [inputs, outputs], not shape \(weights.shape)")
    }
    let (inputs, outputs) = (weights.shape[0], weights.shape[1])
    guard (outputGradient.rank == 1 || outputGradient.rank == 2), outputGradient.shape.last == outputs else {
        throw KernelsError(
            "\(operation): the output gradient must be [\(outputs)] or [batch, \(outputs)] for the weights \(weights.shape), not \(outputGradient.shape)")
    }
    let rows = outputGradient.rank == 2 ? outputGradient.shape[0] : 1
    let gradient = try matmul(outputGradient.reshaped([rows, outputs]), weights.transposed(), threads: threads)
    return try gradient.reshaped(outputGradient.rank == 2 ? [rows, inputs] : [inputs])
}

/// The gradient of `dense`'s result with respect to its weights: `inputᵀ · outputGradient`, a GEMM
/// reading the input transposed in place and summing each value over the batch in order.
/// - Parameters:
///   - outputGradient: `[out]` or `[batch, out]`, the shape of `dense`'s output.
///   - input: `[in]` or `[batch, in]`, as given to `dense`.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: `[in, out]`.
/// - Throws: `KernelsError` when the shapes do not belong to one dense layer.
public func denseWeightsGradient(_ outputGradient: Tensor, input: Tensor, threads: Int = Parallel.coreCount) throws -> Tensor {
    let operation = "denseWeightsGradient"
    guard (input.rank == 1 || input.rank == 2), outputGradient.rank == input.rank,
          input.rank == 1 || input.shape[0] == outputGradient.shape[0] else {
        throw KernelsError(
            "\(operation): the input \(input.shape) and the output gradient \(outputGradient.shape) must both be vectors or both batches of the same size")
    }
    let rows = input.rank == 2 ? input.shape[0] : 1
    let (inputs, outputs) = (input.shape.last!, outputGradient.shape.last!)
    guard rows > 0, inputs > 0, outputs > 0 else { return try Tensor.zeros([inputs, outputs]) }
    return input.scalars.withUnsafeBufferPointer { x in
        outputGradient.scalars.withUnsafeBufferPointer { dy in
            Tensor.uninitialized([inputs, outputs], count: inputs * outputs) { w in
                GEMM.multiply(m: inputs, n: outputs, rows: TransposedRows(base: x.baseAddress!, ld: inputs, m: inputs, run: rows),
                              b: dy.baseAddress!, ldb: outputs, c: w, ldc: outputs, bias: nil, threads: threads)
            }
        }
    }
}
