/// A shape `SyntheticImages` draws inside a size×size box, ink 1 on a background of 0.
///
/// Bars are 1 pixel thick when the size is odd and 2 when it is even, so they sit exactly in the
/// middle: a horizontal bar covers rows (size − t) / 2 ..< (size + t) / 2 across the box.
public enum ShapeKind: String, CaseIterable, Sendable {
    /// A horizontal line through the middle of the box.
    case horizontalBar
    /// A vertical line through the middle of the box.
    case verticalBar
    /// A filled disc of diameter `size`: the pixels whose centres lie within size / 2 of the
    /// box's centre, (2r + 1 − size)² + (2c + 1 − size)² ≤ size².
    case disc
    /// A plus sign: the horizontal and the vertical bar together.
    case cross

    /// Whether pixel (`row`, `column`) of a `size`×`size` box is ink.
    func covers(row: Int, column: Int, size: Int) -> Bool {
        let thickness = size % 2 == 1 ? 1 : 2
        let middle = ((size - thickness) / 2)..<((size + thickness) / 2)
        switch self {
        case .horizontalBar: return middle.contains(row)
        case .verticalBar: return middle.contains(column)
        case .cross: return middle.contains(row) || middle.contains(column)
        case .disc:
            let (dy, dx) = (2 * row + 1 - size, 2 * column + 1 - size)
            return dy * dy + dx * dx <= size * size
        }
    }
}
