/// A function, initialiser or method the cell language provides, bound to Kernels and Layers.
final class Builtin: Sendable {
    /// What a call spells: `conv2d`, `Conv2D`, `reshaped`.
    let name: String
    /// The accepted forms; a call matches the first whose labels and types fit.
    let signatures: [Signature]
    /// The work, given the matched arguments.
    let body: Body
    /// The differentiable form, used inside `gradient(at:)` when an operand is a recorded tensor: the
    /// same arguments, its result recorded; nil for a built-in without one.
    let traced: Body?
    /// Whether the first parameter takes every leading unlabelled argument, as `print(_:…)` does.
    let isVariadic: Bool

    /// What a built-in does with a call's matched arguments.
    typealias Body = @Sendable (inout Invocation) throws -> Value

    /// Creates a built-in with its forms, its work and its differentiable form, if any.
    init(_ name: String, forms signatures: [Signature], variadic: Bool = false, traced: Body? = nil,
         body: @escaping Body) {
        self.name = name
        self.signatures = signatures
        self.isVariadic = variadic
        self.traced = traced
        self.body = body
    }

    /// Convenience for a built-in with one form.
    convenience init(_ name: String, _ parameters: [Signature.Parameter], variadic: Bool = false, traced: Body? = nil,
                     body: @escaping Body) {
        self.init(name, forms: [Signature(parameters)], variadic: variadic, traced: traced, body: body)
    }

    /// Every accepted form, as a diagnostic lists them: `Tensor(_:) or Tensor(shape:scalars:)`.
    var accepted: String {
        signatures.map { $0.spelled(name) }.joined(separator: " or ")
    }
}
