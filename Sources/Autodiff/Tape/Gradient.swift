import Kernels

/// The gradient of `body` at `x`: ∂body(x)/∂x, where `body` gives a scalar, as Swift for
/// TensorFlow writes `gradient(at: x) { x in … }`.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func gradient(at x: Tensor, in body: (Variable) throws -> Variable) throws -> Tensor {
    try valueWithGradient(at: x, in: body).gradient
}

/// The value of `body` at `x` and its gradient there.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func valueWithGradient(at x: Tensor, in body: (Variable) throws -> Variable) throws -> (value: Tensor, gradient: Tensor) {
    let (value, gradients) = try valueWithGradient(at: [x]) { try body($0[0]) }
    return (value, gradients[0])
}

/// The gradients of `body` at `x` and `y`, one per argument.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func gradient(at x: Tensor, _ y: Tensor, in body: (Variable, Variable) throws -> Variable) throws -> (Tensor, Tensor) {
    let gradients = try valueWithGradient(at: [x, y]) { try body($0[0], $0[1]) }.gradients
    return (gradients[0], gradients[1])
}

/// The value of `body` at `points` and its gradient with respect to each of them.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func valueWithGradient(at points: [Tensor], in body: ([Variable]) throws -> Variable) throws -> (value: Tensor, gradients: [Tensor]) {
    let tape = Tape()
    let variables = points.map(tape.variable)
    let output = try body(variables)
    return (output.value, try tape.gradients(of: output, withRespectTo: variables))
}
