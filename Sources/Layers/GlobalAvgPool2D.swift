import Autodiff
import Kernels

/// Global average pooling: the mean of each channel over the whole image; [H, W, C] → [C].
public final class GlobalAvgPool2D: SettinglessLayer {
    /// Creates global average pooling.
    public init() {}

    public var kind: String { "GlobalAvgPool2D" }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        return ShapeReport(shape: [input[2]])
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try globalAvgPool2d(x) }
    }

    public var receptiveFieldStep: ReceptiveFieldStep { .whole }
}
