/// Collects the layers written in a `Sequential { … }` or `Residual { … }` block, loops and `if`s included.
@resultBuilder
public enum LayerBuilder {
    /// One layer.
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    /// Several layers, such as those a helper function returns.
    public static func buildExpression(_ layers: [any Layer]) -> [any Layer] { layers }
    /// The statements of a block, in order.
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    /// The `if` branch.
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    /// The `else` branch.
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}
