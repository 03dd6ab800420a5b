import Kernels

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
    /// Input rows between vertically neighbouring outputs (the effective stride down).
    public var jumpHeight: Int
    /// Input columns between horizontally neighbouring outputs (the effective stride across).
    public var jumpWidth: Int

    /// Creates a field of `height × width` input pixels whose outputs lie `jump` pixels apart.
    public init(height: Int, width: Int, jump: Int) {
        self.init(height: height, width: width, jumpHeight: jump, jumpWidth: jump)
    }

    /// Creates a field of `height × width` input pixels whose outputs lie `jumpHeight` rows and
    /// `jumpWidth` columns apart.
    public init(height: Int, width: Int, jumpHeight: Int, jumpWidth: Int) {
        (self.height, self.width, self.jumpHeight, self.jumpWidth) = (height, width, jumpHeight, jumpWidth)
    }

    /// Pixels between neighbouring outputs: the jump when both axes share it, the larger otherwise.
    public var jump: Int { Swift.max(jumpHeight, jumpWidth) }

    /// The field of the input itself: one pixel, one apart.
    public static let pixel = ReceptiveField(height: 1, width: 1, jump: 1)

    /// The side of the field: its height and width when square, the larger of the two otherwise.
    public var size: Int { Swift.max(height, width) }

    /// This field seen through a window of `kernelHeight × kernelWidth` with `stride` and
    /// `dilation`, each axis with its own.
    public func through(kernelHeight: Int, kernelWidth: Int, stride: PerAxis, dilation: PerAxis) -> ReceptiveField {
        ReceptiveField(height: height + dilation.height * (kernelHeight - 1) * jumpHeight,
                       width: width + dilation.width * (kernelWidth - 1) * jumpWidth,
                       jumpHeight: jumpHeight * stride.height, jumpWidth: jumpWidth * stride.width)
    }

    /// "5×5, jump 2", or "5×7, jump 2×3" when the axes jump differently.
    public var description: String {
        "\(height)×\(width), jump " + (jumpHeight == jumpWidth ? "\(jumpHeight)" : "\(jumpHeight)×\(jumpWidth)")
    }
}
