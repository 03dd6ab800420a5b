import Kernels

/// A layer that slides a window over an image: a convolution or a pooling layer.
public protocol WindowedLayer: Layer {
    /// The window's rows.
    var kernelHeight: Int { get }
    /// The window's columns.
    var kernelWidth: Int { get }
    /// Positions the window moves at a time, per axis.
    var stride: PerAxis { get }
    /// How the input's border is padded.
    var padding: Padding { get }
    /// Spacing between the window's taps, per axis (1 for an ordinary window).
    var dilation: PerAxis { get }
}

/// A windowed layer whose settings are its one checked `SlidingWindow`.
protocol SlidingWindowLayer: WindowedLayer {
    /// The window, checked when the layer was made.
    var window: SlidingWindow { get }
}

extension SlidingWindowLayer {
    public var kernelHeight: Int { window.kernelHeight }
    public var kernelWidth: Int { window.kernelWidth }
    public var stride: PerAxis { window.stride }
    public var padding: Padding { window.padding }
    public var dilation: PerAxis { window.dilation }

    public var exampleRank: Int? { 3 }

    public var receptiveFieldStep: ReceptiveFieldStep { window.step }
}
