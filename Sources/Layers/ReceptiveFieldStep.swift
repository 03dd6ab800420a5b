import Kernels

/// How one layer widens the receptive field: the window it slides over its input, or all of it.
public enum ReceptiveFieldStep: Sendable, Hashable {
    /// A window of `kernelHeight × kernelWidth` taps, `dilation` apart, moved `stride` positions at
    /// a time (each per axis).
    case window(kernelHeight: Int, kernelWidth: Int, stride: PerAxis, dilation: PerAxis)
    /// Every output sees the whole input (global pooling, dense layers).
    case whole

    /// A layer that looks at one position at a time (activations, batch norm, flatten).
    public static let pointwise = ReceptiveFieldStep.window(kernelHeight: 1, kernelWidth: 1, stride: 1, dilation: 1)
}
