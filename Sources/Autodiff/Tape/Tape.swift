import Kernels

/// A record of the operations on variables, played backwards to give gradients (reverse-mode
/// differentiation).
///
/// ```swift
/// let tape = Tape()
/// let w = tape.variable(weights)
/// let loss = try meanSquaredError(try dense(Variable(x), w), targets)
/// let (dw) = try tape.gradients(of: loss, withRespectTo: [w])[0]
/// ```
/// Each op appends one node: which nodes its operands were, and its backward rule. `gradients`
/// seeds the result's gradient with 1 and visits the nodes from the last to the first, each
/// adding its operands' gradients to theirs, so every sum is formed in the same order on every
/// run. Only nodes between the result and the variables asked for are visited. A tape is used
/// from one thread; it keeps the values its rules need until it is released.
public final class Tape {
    struct Node {
        let shape: [Int]
        /// The nodes of the operands, −1 for a constant operand.
        let inputs: [Int]
        /// Nil for a variable.
        let pullback: Pullback?
    }

    private(set) var nodes: [Node] = []

    /// Creates an empty tape.
    public init() {}

    /// The number of values recorded so far (variables and op results).
    public var count: Int { nodes.count }

    /// Marks `value` as a variable: ops on it are recorded, and its gradient can be asked for.
    public func variable(_ value: Tensor) -> Variable {
        let node = record(shape: value.shape, inputs: [], pullback: nil)
        return Variable(value, tape: self, node: node)
    }

    /// Appends a node; returns its position.
    func record(shape: [Int], inputs: [Int], pullback: Pullback?) -> Int {
        nodes.append(Node(shape: shape, inputs: inputs, pullback: pullback))
        return nodes.count - 1
    }

    /// The gradients of `output`, a scalar, with respect to each of `variables`: ∂output/∂v, of v's
    /// shape; zeros for a variable `output` does not depend on.
    /// - Throws: `AutodiffError` when `output` has more than one element, when a value was not
    ///   recorded on this tape, or what a backward rule throws.
    public func gradients(of output: Variable, withRespectTo variables: [Variable]) throws -> [Tensor] {
        guard output.value.count == 1 else {
            throw AutodiffError(
                "a gradient needs a scalar to differentiate, but the value has shape \(output.shape) (\(output.value.count) elements): reduce it to one number first, with a loss, '.sum()' or '.mean()'")
        }
        for (index, variable) in variables.enumerated() where variable.tape !== self || nodes[variable.node].pullback != nil {
            let which = variables.count == 1 ? "the value" : "value \(index + 1)"
            if variable.tape == nil {
                throw AutodiffError("cannot take a gradient with respect to \(which): it is a constant, not a variable of this gradient computation")
            }
            throw AutodiffError("cannot take a gradient with respect to \(which): it is not a variable of this gradient computation")
        }
        var result = try variables.map { try Tensor.zeros(nodes[$0.node].shape) }
        guard output.tape === self else {
            // A constant depends on no variable.
            return result
        }
        let last = output.node
        // A node is relevant when it is a wanted variable or an operand of it is relevant.
        var relevant = [Bool](repeating: false, count: last + 1)
        for variable in variables where variable.node <= last { relevant[variable.node] = true }
        for index in 0...last where !relevant[index] {
            relevant[index] = nodes[index].inputs.contains { $0 >= 0 && relevant[$0] }
        }
        var gradients = [Tensor?](repeating: nil, count: last + 1)
        gradients[last] = try Tensor.ones(output.shape)
        for index in stride(from: last, through: 0, by: -1) {
            guard relevant[index], let gradient = gradients[index], let pullback = nodes[index].pullback else { continue }
            let inputs = nodes[index].inputs
            let operandGradients = try pullback(gradient, inputs.map { $0 >= 0 && relevant[$0] })
            for (input, operandGradient) in zip(inputs, operandGradients) {
                guard input >= 0, relevant[input], let operandGradient else { continue }
                if let existing = gradients[input] {
                    gradients[input] = try existing.adding(operandGradient)
                } else {
                    gradients[input] = operandGradient
                }
            }
            gradients[index] = nil
        }
        for (i, variable) in variables.enumerated() where variable.node <= last {
            if let gradient = gradients[variable.node] { result[i] = gradient }
        }
        return result
    }
}
