/// What a layer makes of one example's shape: the output shape and any warnings about the fit.
public struct ShapeReport: Sendable, Hashable {
    /// The output shape of one example (no batch axis).
    public var shape: [Int]
    /// The warnings, in the order of the layers that raised them.
    public var warnings: [ShapeWarning]

    /// Creates a report of `shape` with `warnings`.
    public init(shape: [Int], warnings: [ShapeWarning] = []) {
        self.shape = shape
        self.warnings = warnings
    }
}
