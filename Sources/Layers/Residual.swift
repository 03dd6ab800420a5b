import Autodiff
import Kernels

/// A residual block: the main path's output plus the shortcut's, y = F(x) + x, as in ResNet.
///
/// The shortcut is the identity unless given (a projection, such as a 1×1 convolution with stride 2,
/// when the main path changes the shape). Both must give the same shape. The receptive field is the
/// main path's.
public final class Residual: Layer {
    /// The main path F.
    public let main: Sequential
    /// The projection shortcut, or `nil` for the identity.
    public let shortcut: Sequential?

    /// Creates a block adding `main`'s output to `shortcut`'s (the identity when `nil`).
    public init(_ main: [any Layer], shortcut: Sequential? = nil) {
        self.main = Sequential(layersWithoutInput: main)
        self.shortcut = shortcut
    }

    /// Creates a block whose main path is the layers in `content`.
    /// - Throws: what `content` throws.
    public convenience init(shortcut: Sequential? = nil, @LayerBuilder _ content: () throws -> [any Layer]) rethrows {
        self.init(try content(), shortcut: shortcut)
    }

    public var kind: String { "Residual" }

    /// `Residual { 5 layers }` or `Residual(shortcut: 2 layers) { 5 layers }`.
    public var description: String {
        let head = shortcut.map { "Residual(shortcut: \(layerCountText($0.layers.count)))" } ?? "Residual"
        return "\(head) { \(layerCountText(main.layers.count)) }"
    }

    public var exampleRank: Int? { main.exampleRank ?? shortcut?.exampleRank }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        let mainReport = try main.shapeReport(for: input)
        let shortcutReport = try shortcut.map { model in
            try located(at: "shortcut") { try model.shapeReport(for: input) }
        }
        try checkSum(mainReport.shape, shortcutReport?.shape ?? input)
        let shortcutWarnings = shortcutReport?.warnings.map { $0.located(at: "shortcut") } ?? []
        return ShapeReport(shape: mainReport.shape, warnings: mainReport.warnings + shortcutWarnings)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        try main.build(for: input, defaultSeed: Seeds.child(of: defaultSeed, at: 1))
        if let shortcut {
            try located(at: "shortcut") { try shortcut.build(for: input, defaultSeed: Seeds.child(of: defaultSeed, at: 2)) }
        }
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let mainOutput = try main.forward(x, batched: batched, in: pass)
        let shortcutOutput = try shortcut.map { model in
            try located(at: "shortcut") { try model.forward(x, batched: batched, in: pass) }
        } ?? x
        try checkSum(mainOutput.shape, shortcutOutput.shape)
        return try mainOutput + shortcutOutput
    }

    public var parameters: [Parameter] {
        get throws {
            let shortcutParameters = try shortcut.map { model in
                try located(at: "shortcut") { try model.parameters.map { $0.located(at: "shortcut") } }
            }
            return try main.parameters + (shortcutParameters ?? [])
        }
    }

    public var parameterCounts: ParameterCounts {
        get throws {
            let shortcutCounts = try shortcut.map { model in try located(at: "shortcut") { try model.parameterCounts } }
            return try main.parameterCounts + (shortcutCounts ?? .zero)
        }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        let shortcutCounts = try shortcut.map { model in
            try located(at: "shortcut") { try model.parameterCounts(for: input) }
        }
        return try main.parameterCounts(for: input) + (shortcutCounts ?? .zero)
    }

    public var receptiveFieldStep: ReceptiveFieldStep { main.receptiveFieldStep }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        let shortcutCount = try shortcut.map { model in
            try located(at: "shortcut") { try model.multiplyAdds(for: input) }
        }
        return try main.multiplyAdds(for: input) + (shortcutCount ?? 0)
    }

    /// Moves `tracker` along the main path; returns the block's output shape after checking the sum.
    func track(_ tracker: inout ReceptiveFieldTracker, from input: [Int]) throws -> [Int] {
        let output = try main.track(&tracker, from: input)
        let shortcutShape = try shortcut.map { model in
            try located(at: "shortcut") { try model.shapeReport(for: input).shape }
        }
        try checkSum(output, shortcutShape ?? input)
        return output
    }

    /// Throws unless the two paths give the same shape.
    func checkSum(_ mainShape: [Int], _ shortcutShape: [Int]) throws {
        guard mainShape != shortcutShape else { return }
        if shortcut == nil {
            throw LayersError(kind, "the main path gives \(mainShape) but the identity shortcut gives "
                              + "\(shortcutShape): give it a projection shortcut")
        }
        throw LayersError(kind, "the main path gives \(mainShape) but the shortcut gives \(shortcutShape)")
    }
}
