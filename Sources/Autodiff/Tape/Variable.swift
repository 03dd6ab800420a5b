import Kernels

/// A tensor that operations can be recorded on, so that gradients flow back to it (as Chainer's
/// and early PyTorch's `Variable`).
///
/// A variable made by `Tape.variable(_:)`, and every result of an op with such an operand, is
/// recorded on that tape. A variable made with `Variable(_:)` belongs to no tape and is a constant:
/// ops on constants only compute, and gradients never reach them. Values are immutable; an op
/// makes a new variable.
public struct Variable: CustomStringConvertible {
    /// The value.
    public let value: Tensor
    /// The tape that records this value, or nil for a constant.
    let tape: Tape?
    /// The position of this value's node on its tape.
    let node: Int

    /// A constant: a value no gradient reaches.
    public init(_ value: Tensor) {
        self.value = value
        tape = nil
        node = -1
    }

    /// A value recorded as `node` of `tape`.
    init(_ value: Tensor, tape: Tape, node: Int) {
        self.value = value
        self.tape = tape
        self.node = node
    }

    /// The value's shape.
    public var shape: [Int] { value.shape }

    /// Whether operations on this value are recorded for gradients.
    public var isRecorded: Bool { tape != nil }

    /// The value, marked as recorded or constant: `Variable([2, 3], recorded)`.
    public var description: String { "Variable(\(shape), \(isRecorded ? "recorded" : "constant"))" }
}

/// What an op's backward rule gives: for each operand, its gradient, or nil when not wanted.
///
/// It receives the gradient of the op's result and, per operand, whether that operand's gradient
/// is wanted (it is recorded and leads to a variable whose gradient was asked for).
typealias Pullback = (_ gradient: Tensor, _ wanted: [Bool]) throws -> [Tensor?]

extension Variable {
    /// The result `value` of an op on `operands`: recorded with `pullback` on their tape when any
    /// operand is recorded, else a constant.
    /// - Throws: `AutodiffError` when the operands are recorded on two different tapes.
    static func result(_ value: Tensor, of operation: String, _ operands: [Variable], pullback: @escaping Pullback) throws -> Variable {
        var tape: Tape?
        for operand in operands {
            guard let other = operand.tape else { continue }
            if let tape, tape !== other {
                throw AutodiffError(
                    "\(operation): its operands come from two different gradient computations; a value recorded inside one 'gradient(at:)' cannot be used in another")
            }
            tape = other
        }
        guard let tape else { return Variable(value) }
        let node = tape.record(shape: value.shape, inputs: operands.map { $0.tape == nil ? -1 : $0.node }, pullback: pullback)
        return Variable(value, tape: tape, node: node)
    }
}
