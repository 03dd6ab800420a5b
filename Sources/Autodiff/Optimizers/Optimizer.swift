import Kernels

/// A rule that moves parameters against their gradients, keeping its own state (momentum, moment
/// estimates) per parameter between updates.
///
/// The state of parameter i is kept at position i: an optimiser serves one fixed list of
/// parameters (one model), as PyTorch's optimisers are built for one parameter list.
public protocol Optimizer: AnyObject {
    /// The step size of the next update.
    var learningRate: Float { get set }
    /// The number of updates made so far.
    var stepCount: Int { get }
    /// Moves each of `parameters` along its gradient (same positions, same shapes).
    /// - Throws: `AutodiffError` when there are no parameters, the counts or shapes differ, or the
    ///   parameters are not those of the earlier updates.
    func update(_ parameters: inout [Tensor], along gradients: [Tensor]) throws
}

extension Optimizer {
    /// Moves one parameter along its gradient.
    /// - Throws: `AutodiffError` as `update(_:along:)` on a list does.
    public func update(_ parameter: inout Tensor, along gradient: Tensor) throws {
        var parameters = [parameter]
        try update(&parameters, along: [gradient])
        parameter = parameters[0]
    }
}

/// What every optimiser has: a learning rate, a weight decay, a count of updates, and the checks each
/// update makes of its parameters and gradients (as PyTorch's `torch.optim.Optimizer` holds them for
/// its subclasses).
public class BaseOptimizer {
    /// The step size of the next update.
    public var learningRate: Float
    /// The L2 penalty's factor, added to the gradient as weightDecay·p.
    public let weightDecay: Float
    /// The number of updates made so far.
    public private(set) var stepCount = 0
    /// The optimiser's name in errors (`Adam`).
    let kind: String
    /// The shapes of the parameters of the first update.
    private var shapes: [[Int]]?

    /// Checks the hyperparameters every optimiser has.
    /// - Throws: `AutodiffError` when the learning rate is not positive or the weight decay is negative.
    init(kind: String, learningRate: Float, weightDecay: Float) throws {
        self.kind = kind
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        try checkLearningRate()
        try require(weightDecay, "weight decay", { $0 >= 0 }, "0 or more")
    }

    /// Begins an update: checks the learning rate, then the parameters and gradients (`check`), and
    /// counts the step.
    /// - Returns: whether this is the first update.
    func begin(_ parameters: [Tensor], _ gradients: [Tensor]) throws -> Bool {
        try checkLearningRate()
        let first = try check(parameters, gradients)
        stepCount += 1
        return first
    }

    /// Checks one update's parameters and gradients against each other and against the first update's.
    /// - Returns: whether this is the first update.
    private func check(_ parameters: [Tensor], _ gradients: [Tensor]) throws -> Bool {
        guard !parameters.isEmpty else {
            throw AutodiffError("\(kind) was given no parameters to update")
        }
        guard parameters.count == gradients.count else {
            throw AutodiffError("\(kind): \(counted(parameters.count, "parameter")) but \(counted(gradients.count, "gradient"))")
        }
        for (index, (parameter, gradient)) in zip(parameters, gradients).enumerated() where parameter.shape != gradient.shape {
            throw AutodiffError(
                "\(kind): the gradient of parameter \(index + 1) has shape \(gradient.shape) but the parameter has shape \(parameter.shape)")
        }
        let given = parameters.map(\.shape)
        guard let shapes else {
            self.shapes = given
            return true
        }
        guard given == shapes else {
            throw AutodiffError(
                "\(kind): this optimiser updated \(counted(shapes.count, "parameter")) of shapes \(shapes.map { "\($0)" }.joined(separator: ", ")) and cannot update \(given.map { "\($0)" }.joined(separator: ", ")): make one optimiser per model")
        }
        return false
    }

    /// Checks that the learning rate is a positive number.
    private func checkLearningRate() throws {
        try require(learningRate, "learning rate", { $0 > 0 }, "a positive number")
    }

    /// Checks a decay factor (β, momentum): at least 0 and less than 1.
    func checkFraction(_ value: Float, _ name: String) throws {
        try require(value, name, { $0 >= 0 && $0 < 1 }, "at least 0 and less than 1")
    }

    /// Checks a hyperparameter: `valid` (false for NaN and infinities), else an error that says it must be `rule`.
    func require(_ value: Float, _ name: String, _ valid: (Float) -> Bool, _ rule: String) throws {
        guard value.isFinite, valid(value) else {
            throw AutodiffError("\(kind): the \(name) must be \(rule), not \(value)")
        }
    }
}

/// "1 parameter", "3 gradients".
func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
