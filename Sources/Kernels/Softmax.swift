/// The softmax along the last axis: e^(x − max) / Σ e^(x − max), so large inputs cannot overflow.
///
/// The exponentials use the project's own exp; each row's sum is accumulated in order in `Float`.
/// - Throws: `KernelsError` for a rank-0 tensor, which has no axis to normalise.
public func softmax(_ x: Tensor) throws -> Tensor {
    guard let length = x.shape.last else {
        throw KernelsError("softmax: needs at least one axis, not a scalar of shape []")
    }
    guard length > 0 else { return x }
    var result = x.scalars
    for start in stride(from: 0, to: x.count, by: length) {
        let row = start..<(start + length)
        let largest = Tensor(unchecked: [length], Array(x.scalars[row])).max()
        var sum: Float = 0
        var i = row.lowerBound
        while i < row.upperBound {
            var lanes = SIMD16<Float>(repeating: -.infinity)
            let width = Swift.min(16, row.upperBound - i)
            for lane in 0..<width { lanes[lane] = x.scalars[i + lane] - largest }
            let exponentials = Transcendentals.exp(lanes)
            for lane in 0..<width {
                result[i + lane] = exponentials[lane]
                sum += exponentials[lane]
            }
            i += width
        }
        for j in row { result[j] /= sum }
    }
    return Tensor(unchecked: x.shape, result)
}
