/// How the learning rate changes from epoch to epoch.
public enum LearningRateSchedule: Sendable, Equatable, CustomStringConvertible {
    /// The base rate throughout.
    case constant
    /// The rate times `factor` every `every` epochs: base·factor^⌊epoch / every⌋, as PyTorch's `StepLR`.
    case step(every: Int, factor: Float)
    /// Half a cosine from the base rate down to `minimum` over `epochs` epochs, then `minimum`:
    /// minimum + (base − minimum)·(1 + cos(π·min(epoch, epochs)/epochs))/2, as PyTorch's
    /// `CosineAnnealingLR` for the first `epochs` epochs and Keras's `CosineDecay` after them.
    case cosine(epochs: Int, minimum: Float = 0)

    /// The rate for `epoch` (from 0) when the base rate is `base`, computed in `Double` (the cosine
    /// with the project's own series, not libm) and rounded to `Float`.
    /// - Throws: `AutodiffError` when the schedule's numbers are out of range.
    public func learningRate(base: Float, epoch: Int) throws -> Float {
        switch self {
        case .constant:
            return base
        case .step(let every, let factor):
            guard every >= 1 else { throw AutodiffError("a step schedule needs 'every' of at least 1 epoch, not \(every)") }
            guard factor.isFinite, factor > 0 else { throw AutodiffError("a step schedule needs a positive factor, not \(factor)") }
            var rate = Double(base)
            for _ in 0..<(max(0, epoch) / every) { rate *= Double(factor) }
            return Float(rate)
        case .cosine(let epochs, let minimum):
            guard epochs >= 1 else { throw AutodiffError("a cosine schedule needs at least 1 epoch, not \(epochs)") }
            guard minimum.isFinite, minimum >= 0 else { throw AutodiffError("a cosine schedule needs a minimum of 0 or more, not \(minimum)") }
            let progress = Double(min(max(0, epoch), epochs)) / Double(epochs)
            return Float(Double(minimum) + (Double(base) - Double(minimum)) * (1 + cosineOfPiTimes(progress)) / 2)
        }
    }

    /// `constant`, `step(every: 10, factor: 0.5)`, `cosine(epochs: 20, minimum: 0.0)`.
    public var description: String {
        switch self {
        case .constant: "constant"
        case .step(let every, let factor): "step(every: \(every), factor: \(factor))"
        case .cosine(let epochs, let minimum): "cosine(epochs: \(epochs), minimum: \(minimum))"
        }
    }
}

/// cos(π·t) for t in [0, 1]: cos x = −cos(π − x) folds x into [0, π/2], where the Taylor series
/// to x²⁴ (Horner, in `Double`) is exact to well below a `Float`'s precision.
func cosineOfPiTimes(_ t: Double) -> Double {
    let pi = 3.141_592_653_589_793
    let folded = t > 0.5
    let x = (folded ? 1 - t : t) * pi
    let x2 = x * x
    var series = 1.0
    for k in stride(from: 12, through: 1, by: -1) {
        series = 1 - x2 / Double((2 * k - 1) * (2 * k)) * series
    }
    return folded ? -series : series
}
