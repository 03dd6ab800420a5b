/// How a sliding window (convolution or pooling) treats the border of its input.
public enum Padding: Sendable, Hashable, CustomStringConvertible {
    /// No padding: only windows that fit inside the input.
    case valid
    /// TensorFlow's 'same': output size ⌈size / stride⌉, zeros split with the extra one at the
    /// bottom and right when the total is odd.
    case same
    /// The same number of zeros on every side.
    case explicit(Int)

    /// `valid`, `same`, or the number of zeros, as a lesson writes them.
    public var description: String {
        switch self {
        case .valid: "valid"
        case .same: "same"
        case .explicit(let amount): String(amount)
        }
    }
}
