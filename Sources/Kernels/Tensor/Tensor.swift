/// An n-dimensional array of `Float` in row-major order (the last axis varies fastest).
///
/// An image is `[height, width, channels]`, a batch `[batch, height, width, channels]`.
/// Value semantics: copies share storage until one of them is written (copy on write).
/// No tensor holds more than `maximumElementCount` elements: creating a larger one throws
/// before anything is allocated.
public struct Tensor: Sendable, Equatable {
    /// The size of each axis.
    public let shape: [Int]
    /// The elements, row-major. Writing elements in place is fine; the count must stay the
    /// product of the shape.
    public var scalars: [Float]

    /// The most elements a tensor may hold (16,777,216, that is 64 MiB of `Float`).
    public static let maximumElementCount = 1 << 24

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// Creates a tensor of `shape` holding `scalars` in row-major order.
    /// - Throws: `KernelsError` when the number of scalars is not the product of the shape.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = try Tensor.elementCount(of: shape)
        guard count == scalars.count else {
            throw KernelsError("a tensor of shape \(shape) needs \(count) values, not \(scalars.count)")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a rank-1 tensor holding `values`.
    public init(_ values: [Float]) {
        self.shape = [values.count]
        self.scalars = values
    }

    /// Creates a rank-2 tensor from rows of equal length.
    /// - Throws: `KernelsError` when the rows are ragged.
    public init(_ rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        if let row = rows.firstIndex(where: { $0.count != width }) {
            throw KernelsError(
                "a ragged array cannot be a tensor: row 0 has \(width) values but row \(row) has \(rows[row].count)")
        }
        try self.init(shape: [rows.count, width], scalars: Array(rows.joined()))
    }

    /// Creates a rank-3 tensor from planes of equal size, `planes[i][j][k]` at `[i, j, k]`.
    /// - Throws: `KernelsError` when the planes or their rows are ragged.
    public init(_ planes: [[[Float]]]) throws {
        let height = planes.first?.count ?? 0
        let width = planes.first?.first?.count ?? 0
        for (i, plane) in planes.enumerated() {
            guard plane.count == height else {
                throw KernelsError(
                    "a ragged array cannot be a tensor: plane 0 has \(height) rows but plane \(i) has \(plane.count)")
            }
            if let row = plane.firstIndex(where: { $0.count != width }) {
                throw KernelsError(
                    "a ragged array cannot be a tensor: row [0, 0] has \(width) values but row [\(i), \(row)] has \(plane[row].count)")
            }
        }
        try self.init(shape: [planes.count, height, width], scalars: Array(planes.joined().joined()))
    }

    /// Creates a tensor without checks; the caller guarantees `scalars.count` is the shape's product.
    init(unchecked shape: [Int], _ scalars: [Float]) {
        assert(shape.reduce(1, *) == scalars.count, "shape \(shape) and \(scalars.count) scalars disagree")
        self.shape = shape
        self.scalars = scalars
    }

    /// The number of elements of `shape`, checked against negative sizes, overflow and the budget.
    /// - Throws: `KernelsError` naming the shape when it has a negative size or too many elements.
    public static func elementCount(of shape: [Int]) throws -> Int {
        if shape.contains(where: { $0 < 0 }) {
            throw KernelsError("a tensor's shape cannot have a negative size: \(shape)")
        }
        if shape.contains(0) { return 0 }
        var count = 1
        var overflowed = false
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { overflowed = true; break }
            count = product
        }
        if overflowed || count > maximumElementCount {
            let described = overflowed ? "more than \(Int.max)" : "\(count)"
            throw KernelsError(
                "a tensor of shape \(shape) has \(described) elements; the limit is \(maximumElementCount)")
        }
        return count
    }
}
