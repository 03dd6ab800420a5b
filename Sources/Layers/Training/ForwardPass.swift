import Autodiff
import Kernels

/// One run of a model on differentiable values: in training or inference mode, and with the tape
/// its trainable parameters are recorded on, if any.
///
/// In training, batch norm normalises with the batch's statistics and moves its running ones, and
/// dropout drops; in inference, batch norm uses the running statistics and dropout passes values
/// through (as Keras's `training` argument). With a tape, each trainable parameter becomes a
/// variable on it the first time a layer asks for it, and the same variable every time after, so
/// a layer used twice gets the gradients of both uses. The k-th dropout applied in a pass (from 1)
/// draws its mask with the seed `Seeds.child(of: seed, at: k)`.
public final class ForwardPass {
    /// Whether the layers run as in training.
    public let training: Bool
    /// The seed dropout masks are drawn from.
    public let seed: UInt64
    /// The tape trainable parameters are recorded on, or nil to treat them as constants.
    public let tape: Tape?
    private var variables: [Parameter.Key: Variable] = [:]
    private var dropouts = 0

    /// Creates a pass; with `tape`, trainable parameters are recorded on it.
    public init(training: Bool = false, seed: UInt64 = 0, tape: Tape? = nil) {
        self.training = training
        self.seed = seed
        self.tape = tape
    }

    /// The parameter's value for this pass: a variable on the tape for a trainable parameter when
    /// the pass has one, else a constant.
    /// - Throws: what reading the parameter throws.
    public func value(of parameter: Parameter) throws -> Variable {
        guard let tape, parameter.isTrainable else { return Variable(try parameter.value) }
        if let variable = variables[parameter.key] { return variable }
        let variable = tape.variable(try parameter.value)
        variables[parameter.key] = variable
        return variable
    }

    /// The variable recorded for `parameter`, or nil when no layer has used it in this pass.
    public func variable(for parameter: Parameter) -> Variable? {
        variables[parameter.key]
    }

    /// The seed of the next dropout mask.
    func nextDropoutSeed() -> UInt64 {
        dropouts += 1
        return Seeds.child(of: seed, at: dropouts)
    }
}
