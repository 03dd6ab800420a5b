internal import Layers

extension Interpreter {
    /// Runs a builder closure's statements, collecting the layer each statement gives.
    func buildLayers(_ function: Function, in owner: String, at span: Span) throws -> [any Layer] {
        guard case .closure(let closure, let scope) = function.kind, closure.parameters.isEmpty,
              closure.shorthandCount == 0 else {
            throw CellsError("'\(owner)' takes a block of layers: \(owner) { Conv2D(…); ReLU() }", at: span)
        }
        let collector = LayerCollector(owner: owner)
        collectors.append(collector)
        defer { collectors.removeLast() }
        switch try execute(closure.body, in: Scope(parent: scope)) {
        case .normal: return collector.layers
        case .returned, .broke, .continued:
            throw CellsError("'\(owner) { … }' cannot 'return'; write each layer on its own line", at: span)
        }
    }
}
