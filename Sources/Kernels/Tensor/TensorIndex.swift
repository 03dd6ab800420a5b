/// One position in a tensor subscript: `.at` picks one index and drops the axis, `.range`
/// keeps the axis with the indices in the range.
public enum TensorIndex: Sendable, Hashable {
    /// One index; the axis is dropped from the result.
    case at(Int)
    /// The indices in the range; the axis is kept.
    case range(Range<Int>)
}
