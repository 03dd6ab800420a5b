/// How a sliding window (convolution or pooling) treats the border of its input.
///
/// A lesson writes `.valid`, `.same`, `1`, `[1, 2]` (rows, columns) or `[[0, 1], [1, 1]]`
/// (top and bottom, left and right).
public enum Padding: Sendable, Hashable, CustomStringConvertible {
    /// No padding: only windows that fit inside the input.
    case valid
    /// TensorFlow's 'same': output size ⌈size / stride⌉, zeros split with the extra one at the
    /// bottom and right when the total is odd.
    case same
    /// The same number of zeros on every side.
    case explicit(Int)
    /// Zeros given side by side: `[h, w]` is `top = bottom = h`, `left = right = w`; PyTorch's
    /// `nn.ZeroPad2d` and TensorFlow's explicit paddings allow each side its own.
    case sides(top: Int, bottom: Int, left: Int, right: Int)

    /// `valid`, `same`, or the number of zeros, as a lesson writes them.
    public var description: String {
        switch self {
        case .valid: "valid"
        case .same: "same"
        case .explicit(let amount): String(amount)
        case .sides(let top, let bottom, let left, let right):
            top == bottom && left == right ? "[\(top), \(left)]" : "[[\(top), \(bottom)], [\(left), \(right)]]"
        }
    }

    /// The explicit zeros on each side, or nil for `valid` and `same`, which depend on the sizes.
    public var explicitSides: (top: Int, bottom: Int, left: Int, right: Int)? {
        switch self {
        case .valid, .same: nil
        case .explicit(let n): (n, n, n, n)
        case .sides(let top, let bottom, let left, let right): (top, bottom, left, right)
        }
    }
}
