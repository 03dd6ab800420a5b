import Autodiff
import Kernels

/// Layers applied one after another: the output of each is the input of the next.
///
/// With an input shape, the model checks every layer's shape at once and fixes their input depths (the
/// weights themselves are drawn when first needed). Without one, it takes its input from where it stands:
/// from the model around it, or from its first call.
public final class Sequential: Layer {
    /// The shape of one example (no batch axis), when given.
    public let input: [Int]?
    /// The layers, in order.
    public let layers: [any Layer]
    /// The seed from which layers made without one take theirs (see `Layer`).
    public let seed: UInt64

    /// Creates a model of `layers`; with `input`, checks and builds them for that shape at once.
    /// - Throws: `LayersError` naming the first layer, by position, whose input does not fit.
    public init(input: [Int]? = nil, seed: UInt64 = 0, _ layers: [any Layer]) throws {
        self.input = input
        self.layers = layers
        self.seed = seed
        if let input {
            _ = try checkedReport(for: input)
            try build(for: input, defaultSeed: seed)
        }
    }

    /// Creates a model of `layers` without an input shape, which needs no checks.
    init(layersWithoutInput layers: [any Layer]) {
        self.input = nil
        self.layers = layers
        self.seed = 0
    }

    /// Creates a model of the layers in `content`; with `input`, checks and builds them at once.
    /// - Throws: what `content` throws, or `LayersError` naming the first layer whose input does not fit.
    public convenience init(input: [Int]? = nil, seed: UInt64 = 0, @LayerBuilder _ content: () throws -> [any Layer]) throws {
        try self.init(input: input, seed: seed, try content())
    }

    public var kind: String { "Sequential" }

    /// `Sequential(input: [32, 32, 3]) { 7 layers }`.
    public var description: String {
        let head = input.map { "Sequential(input: \($0))" } ?? "Sequential"
        return "\(head) { \(layerCountText(layers.count)) }"
    }

    public var exampleRank: Int? { input?.count ?? layers.lazy.compactMap(\.exampleRank).first }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try checkInput(input)
        var report = ShapeReport(shape: input)
        for (index, layer) in layers.enumerated() {
            let next = try located(at: "\(index + 1)") { try layer.shapeReport(for: report.shape) }
            report.shape = next.shape
            report.warnings += next.warnings.map { $0.located(at: "\(index + 1)") }
        }
        return report
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        try checkInput(input)
        var shape = input
        for (index, layer) in layers.enumerated() {
            try located(at: "\(index + 1)") {
                try layer.build(for: shape, defaultSeed: Seeds.child(of: defaultSeed, at: index + 1))
                shape = try layer.shapeReport(for: shape).shape
            }
        }
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        var y = x
        for (index, layer) in layers.enumerated() {
            y = try located(at: "\(index + 1)") { try layer.forward(y, batched: batched, in: pass) }
        }
        return y
    }

    public var parameters: [Parameter] {
        get throws {
            try layers.enumerated().flatMap { index, layer in
                try located(at: "\(index + 1)") { try layer.parameters.map { $0.located(at: "\(index + 1)") } }
            }
        }
    }

    public var parameterCounts: ParameterCounts {
        get throws {
            var total = ParameterCounts.zero
            for (index, layer) in layers.enumerated() {
                total = total + (try located(at: "\(index + 1)") { try layer.parameterCounts })
            }
            return total
        }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        var total = ParameterCounts.zero
        try walk(from: input) { layer, shape in total = total + (try layer.parameterCounts(for: shape)) }
        return total
    }

    public var receptiveFieldStep: ReceptiveFieldStep {
        var field = ReceptiveField.pixel
        for layer in layers {
            switch layer.receptiveFieldStep {
            case let .window(kernelHeight, kernelWidth, stride, dilation):
                field = field.through(kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, dilation: dilation)
            case .whole:
                return .whole
            }
        }
        return .window(kernelHeight: field.height, kernelWidth: field.width,
                       stride: PerAxis(height: field.jumpHeight, width: field.jumpWidth), dilation: 1)
    }

    /// The receptive field of one output in the model's input; with an input shape, layers that see
    /// their whole input (global pooling, dense) count the size of the feature map they see.
    public var receptiveField: ReceptiveField {
        get throws {
            guard let input else {
                return try field(of: receptiveFieldStep, kind: kind)
            }
            return try receptiveField(for: input)
        }
    }

    /// The receptive field of one output for examples of shape `input`.
    public func receptiveField(for input: [Int]) throws -> ReceptiveField {
        var tracker = ReceptiveFieldTracker(input: input)
        _ = try track(&tracker, from: input)
        return tracker.field
    }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        var total = 0
        try walk(from: input) { layer, shape in total += try layer.multiplyAdds(for: shape) }
        return total
    }

    /// Moves `tracker` through the layers from examples of shape `input`; returns the output shape.
    func track(_ tracker: inout ReceptiveFieldTracker, from input: [Int]) throws -> [Int] {
        try checkInput(input)
        var shape = input
        for (index, layer) in layers.enumerated() {
            shape = try located(at: "\(index + 1)") { try trackLayer(layer, &tracker, from: shape) }
        }
        return shape
    }

    /// Throws when this model has an input shape and `input` is another.
    func checkInput(_ given: [Int]) throws {
        if let input, input != given {
            throw LayersError(kind, "expects input \(input) but got \(given)")
        }
    }

    /// Calls `body` with each layer and its input shape, locating errors by position.
    private func walk(from input: [Int], _ body: (any Layer, [Int]) throws -> Void) throws {
        try checkInput(input)
        var shape = input
        for (index, layer) in layers.enumerated() {
            shape = try located(at: "\(index + 1)") {
                try body(layer, shape)
                return try layer.shapeReport(for: shape).shape
            }
        }
    }
}

/// Moves `tracker` through one layer, looking inside models and residual blocks; returns the output shape.
func trackLayer(_ layer: any Layer, _ tracker: inout ReceptiveFieldTracker, from input: [Int]) throws -> [Int] {
    switch layer {
    case let model as Sequential:
        return try model.track(&tracker, from: input)
    case let block as Residual:
        return try block.track(&tracker, from: input)
    default:
        let output = try layer.shapeReport(for: input).shape
        tracker.apply(layer.receptiveFieldStep, output: output)
        return output
    }
}

/// "1 layer", "7 layers".
func layerCountText(_ count: Int) -> String { count == 1 ? "1 layer" : "\(count) layers" }
