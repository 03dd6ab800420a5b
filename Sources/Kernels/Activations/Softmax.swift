/// The softmax along the last axis: e^(x − max) / Σ e^(x − max), so large inputs cannot overflow.
///
/// The exponentials use the project's own exp; each row's sum is accumulated in order in `Float`.
/// A row holding NaN gives NaN.
/// - Throws: `KernelsError` for a rank-0 tensor, which has no axis to normalise.
public func softmax(_ x: Tensor) throws -> Tensor {
    guard let length = x.shape.last else {
        throw KernelsError("softmax: needs at least one axis, not a scalar of shape []")
    }
    guard length > 0, x.count > 0 else { return x }
    return x.scalars.withUnsafeBufferPointer { source in
        Tensor.uninitialized(x.shape, count: x.count) { target in
            Tensor.forEachChunk(count: x.count / length, weight: length) { rows in
                for row in rows {
                    softmaxRow(source.baseAddress! + row * length, target + row * length, length)
                }
            }
        }
    }
}

/// One row of `softmax`: exponentials 16 lanes at a time, then one division each.
private func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ length: Int) {
    var largest = -Float.infinity
    for i in 0..<length where x[i] > largest || x[i].isNaN {
        largest = x[i]
        if largest.isNaN { break }
    }
    Tensor.map(x, y, length) { Transcendentals.exp($0 - largest) }
    var sum: Float = 0
    for i in 0..<length { sum += y[i] }
    Tensor.map(UnsafePointer(y), y, length) { $0 / sum }
}
