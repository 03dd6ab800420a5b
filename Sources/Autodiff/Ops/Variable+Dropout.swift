import Kernels

/// Dropout as in training (inverted, as Keras and PyTorch do it): each element is kept and scaled
/// by 1/(1 − rate), or zeroed, and the gradient passes through the same mask.
///
/// The mask is drawn from `SeededGenerator(seed:)`: element i, in row-major order, is kept when the
/// i-th `nextUniform()` is at least `rate`. The same seed gives the same mask on every machine.
/// - Throws: `AutodiffError` when the rate is not in 0..<1.
public func dropout(_ x: Variable, rate: Float, seed: UInt64) throws -> Variable {
    guard rate >= 0, rate < 1 else {
        throw AutodiffError("dropout: the rate must be at least 0 and less than 1, not \(rate)")
    }
    var generator = SeededGenerator(seed: seed)
    let scale = 1 / (1 - rate)
    let mask = try Tensor(shape: x.shape, scalars: (0..<x.value.count).map { _ in generator.nextUniform() >= rate ? scale : 0 })
    return try Variable.result(try x.value.multiplying(mask), of: "dropout", [x]) { dy, _ in [try dy.multiplying(mask)] }
}
