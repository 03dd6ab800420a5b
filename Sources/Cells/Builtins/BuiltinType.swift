/// A type the cell language names: `Tensor`, `Conv2D`, `Int`, `Padding`; called to construct a
/// value, and holding static members (`Tensor.zeros`, `Int.max`, `Padding.same`).
final class BuiltinType: Sendable {
    /// The type's name.
    let name: String
    /// What `Name(…)` calls, if the type can be constructed.
    let initializer: Builtin?
    /// Static methods: `Tensor.zeros(…)`.
    let methods: [String: Builtin]
    /// Static constants: `Int.max`, `Padding.same`.
    let constants: [String: Constant]

    init(_ name: String, initializer: Builtin? = nil, methods: [Builtin] = [], constants: [String: Constant] = [:]) {
        self.name = name
        self.initializer = initializer
        self.methods = Dictionary(uniqueKeysWithValues: methods.map { ($0.name, $0) })
        self.constants = constants
    }
}
