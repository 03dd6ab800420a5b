/// The gradient of `softmax` (along the last axis) from its output s:
/// `s · (outputGradient − Σ outputGradient·s)` per row, the row sum accumulated in `Double` in order.
/// - Throws: `KernelsError` when the shapes differ or the tensor has rank 0.
public func softmaxGradient(_ outputGradient: Tensor, output: Tensor) throws -> Tensor {
    guard outputGradient.shape == output.shape else {
        throw KernelsError(
            "softmaxGradient: the output gradient \(outputGradient.shape) and the output \(output.shape) must have the same shape")
    }
    guard let length = output.shape.last else {
        throw KernelsError("softmaxGradient: needs at least one axis, not a scalar of shape []")
    }
    guard length > 0, output.count > 0 else { return output }
    return output.scalars.withUnsafeBufferPointer { s in
        outputGradient.scalars.withUnsafeBufferPointer { dy in
            Tensor.uninitialized(output.shape, count: output.count) { dx in
                Tensor.forEachChunk(count: output.count / length, weight: length) { rows in
                    for row in rows {
                        let base = row * length
                        var dot = 0.0
                        for i in base..<(base + length) { dot += Double(dy[i]) * Double(s[i]) }
                        let sum = Float(dot)
                        for i in base..<(base + length) { dx[i] = s[i] * (dy[i] - sum) }
                    }
                }
            }
        }
    }
}
