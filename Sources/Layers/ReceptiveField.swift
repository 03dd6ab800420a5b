/// The input window one output value depends on, and how far apart neighbouring outputs look.
///
/// Following "A guide to receptive field arithmetic": a layer with kernel k, stride s and dilation d
/// turns a field of size r and jump j into r + (k_eff − 1)·j and j·s, where k_eff = d·(k − 1) + 1.
/// Sizes count input pixels and may exceed the input when padding is involved.
public struct ReceptiveField: Sendable, Hashable, CustomStringConvertible {
    /// Input rows one output sees.
    public var height: Int
    /// Input columns one output sees.
    public var width: Int
    /// Input pixels between neighbouring outputs (the effective stride).
    public var jump: Int

    /// Creates a field of `height × width` input pixels whose outputs lie `jump` pixels apart.
    public init(height: Int, width: Int, jump: Int) {
        self.height = height
        self.width = width
        self.jump = jump
    }

    /// The field of the input itself: one pixel, one apart.
    public static let pixel = ReceptiveField(height: 1, width: 1, jump: 1)

    /// The side of the field: its height and width when square, the larger of the two otherwise.
    public var size: Int { Swift.max(height, width) }

    /// This field seen through a window of `kernelHeight × kernelWidth` with `stride` and `dilation`.
    public func through(kernelHeight: Int, kernelWidth: Int, stride: Int, dilation: Int) -> ReceptiveField {
        ReceptiveField(height: height + dilation * (kernelHeight - 1) * jump,
                       width: width + dilation * (kernelWidth - 1) * jump,
                       jump: jump * stride)
    }

    /// "5×5, jump 2".
    public var description: String { "\(height)×\(width), jump \(jump)" }
}
