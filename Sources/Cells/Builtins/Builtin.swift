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
    /// The result of a call with one unlabelled argument, when it can be had without running
    /// `body`, as `Double(n)` of an `Int`; nil to run `body`, which gives the same result.
    let quick: (@Sendable (Value) -> Value?)?
    /// The type of the first form's only parameter when it is unlabelled and the built-in is not
    /// variadic: a call with one unlabelled argument then matches it without the general matching.
    // Kept apart so such a call, as `Double(n)` in a loop, reads no signature or label.
    let soleUnlabelled: ParameterType?

    init(_ name: String, forms signatures: [Signature], variadic: Bool = false,
         quick: (@Sendable (Value) -> Value?)? = nil, body: @escaping @Sendable (inout Invocation) throws -> Value) {
        self.name = name
        self.signatures = signatures
        self.isVariadic = variadic
        self.quick = quick
        self.body = body
        if !variadic, let parameters = signatures.first?.parameters, parameters.count == 1, parameters[0].label == nil {
            soleUnlabelled = parameters[0].type
        } else {
            soleUnlabelled = nil
        }
    }

    /// Convenience for a built-in with one form.
    convenience init(_ name: String, _ parameters: [Signature.Parameter], variadic: Bool = false,
                     quick: (@Sendable (Value) -> Value?)? = nil, body: @escaping @Sendable (inout Invocation) throws -> Value) {
        self.init(name, forms: [Signature(parameters)], variadic: variadic, quick: quick, body: body)
    }

    /// Every accepted form, as a diagnostic lists them: `Tensor(_:) or Tensor(shape:scalars:)`.
    var accepted: String {
        signatures.map { $0.spelled(name) }.joined(separator: " or ")
    }
}
