internal import Layers

/// Collects the layers a `Sequential { … }` or `Residual { … }` block's statements give.
final class LayerCollector {
    /// The container being built, for messages.
    let owner: String
    /// The layers so far, in order.
    private(set) var layers: [any Layer] = []

    init(owner: String) {
        self.owner = owner
    }

    /// Adds a statement's value: a layer, an array of layers, or nothing (`print(…)`).
    func collect(_ value: Value, at span: Span) throws {
        switch value {
        case .void:
            return
        case .layer(let layer):
            layers.append(layer)
        case .array(let elements) where elements.allSatisfy({ if case .layer = $0 { true } else { false } }):
            for case .layer(let layer) in elements { layers.append(layer) }
        default:
            throw CellsError("'\(owner) { … }' takes layers, but this gives a value of type '\(value.typeName)'", at: span)
        }
    }
}
