/// A function, initialiser or method the cell language provides, bound to Kernels and Layers.
final class Builtin: Sendable {
    /// What a call spells: `conv2d`, `Conv2D`, `reshaped`.
    let name: String
    /// The accepted forms; a call matches the first whose labels and types fit.
    let signatures: [Signature]
    /// The work, given the matched arguments.
    let body: @Sendable (inout Invocation) throws -> Value
    /// Whether the first parameter takes every leading unlabelled argument, as `print(_:…)` does.
    let isVariadic: Bool

    /// Creates a built-in with its forms and its work.
    init(_ name: String, forms signatures: [Signature], variadic: Bool = false,
         body: @escaping @Sendable (inout Invocation) throws -> Value) {
        self.name = name
        self.signatures = signatures
        self.isVariadic = variadic
        self.body = body
    }

    /// Convenience for a built-in with one form.
    convenience init(_ name: String, _ parameters: [Signature.Parameter], variadic: Bool = false,
                     body: @escaping @Sendable (inout Invocation) throws -> Value) {
        self.init(name, forms: [Signature(parameters)], variadic: variadic, body: body)
    }

    /// Every accepted form, as a diagnostic lists them: `Tensor(_:) or Tensor(shape:scalars:)`.
    var accepted: String {
        signatures.map { $0.spelled(name) }.joined(separator: " or ")
    }
}
