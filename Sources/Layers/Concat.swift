import Autodiff
import Kernels

/// Branches that each see the same input, their outputs joined along the channels, as in an
/// Inception block: `Concat { branch₁; branch₂; … }` with [H, W, C_i] from branch i gives
/// [H, W, ΣC_i].
///
/// Each layer written in the block is one branch; a branch of several layers is a `Sequential`.
/// Every branch must keep the same height and width. The receptive field is the widest branch's;
/// parameters and multiply-adds are the branches' sums.
public final class Concat: Layer {
    /// The branches, in the order their channels are joined.
    public let branches: [Sequential]

    /// Creates a block joining the outputs of `branches` along the channels.
    public init(_ branches: [any Layer]) {
        self.branches = branches.map { branch in
            (branch as? Sequential).flatMap { $0.input == nil ? $0 : nil } ?? Sequential(layersWithoutInput: [branch])
        }
    }

    /// Creates a block whose branches are the layers in `content`.
    /// - Throws: what `content` throws.
    public convenience init(@LayerBuilder _ content: () throws -> [any Layer]) rethrows {
        self.init(try content())
    }

    public var kind: String { "Concat" }

    /// `Concat { 4 branches }`.
    public var description: String {
        "Concat { \(branches.count == 1 ? "1 branch" : "\(branches.count) branches") }"
    }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        let reports = try branches.enumerated().map { index, branch in
            try located(at: "branch \(index + 1)") { try branch.shapeReport(for: input) }
        }
        let shape = try joined(reports.map(\.shape))
        let warnings = reports.enumerated().flatMap { index, report in
            report.warnings.map { $0.located(at: "branch \(index + 1)") }
        }
        return ShapeReport(shape: shape, warnings: warnings)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        for (index, branch) in branches.enumerated() {
            try located(at: "branch \(index + 1)") {
                try branch.build(for: input, defaultSeed: Seeds.child(of: defaultSeed, at: index + 1))
            }
        }
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let outputs = try branches.enumerated().map { index, branch in
            try located(at: "branch \(index + 1)") { try branch.forward(x, batched: batched, in: pass) }
        }
        _ = try joined(outputs.map { batched ? Array($0.shape.dropFirst()) : $0.shape })
        return try rethrowingAsLayersError(kind) { try concat(outputs, along: -1) }
    }

    public var parameters: [Parameter] {
        get throws {
            try branches.enumerated().flatMap { index, branch in
                try located(at: "branch \(index + 1)") {
                    try branch.parameters.map { $0.located(at: "branch \(index + 1)") }
                }
            }
        }
    }

    public var parameterCounts: ParameterCounts {
        get throws {
            try branches.enumerated().reduce(.zero) { sum, item in
                try sum + located(at: "branch \(item.offset + 1)") { try item.element.parameterCounts }
            }
        }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        try branches.enumerated().reduce(.zero) { sum, item in
            try sum + located(at: "branch \(item.offset + 1)") { try item.element.parameterCounts(for: input) }
        }
    }

    /// The widest branch's window (the jumps of the first, which every branch must share to keep
    /// the same height and width).
    public var receptiveFieldStep: ReceptiveFieldStep {
        var widest: (height: Int, width: Int, stride: PerAxis, dilation: PerAxis)?
        for branch in branches {
            guard case let .window(height, width, stride, _) = branch.receptiveFieldStep else { return .whole }
            widest = (Swift.max(height, widest?.height ?? 0), Swift.max(width, widest?.width ?? 0),
                      widest?.stride ?? stride, 1)
        }
        guard let widest else { return .pointwise }
        return .window(kernelHeight: widest.height, kernelWidth: widest.width, stride: widest.stride, dilation: 1)
    }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        try branches.enumerated().reduce(0) { sum, item in
            try sum + located(at: "branch \(item.offset + 1)") { try item.element.multiplyAdds(for: input) }
        }
    }

    /// The shape of the branches' outputs joined along the channels.
    /// - Throws: `LayersError` when there are no branches or their heights and widths differ.
    func joined(_ shapes: [[Int]]) throws -> [Int] {
        guard let first = shapes.first else { throw LayersError(kind, "needs at least one branch") }
        for (index, shape) in shapes.enumerated() where shape.count != first.count || shape.dropLast() != first.dropLast() {
            throw LayersError(kind, "branch \(index + 1) gives \(shape) but branch 1 gives \(first): the branches "
                              + "must keep the same height and width to be joined along the channels")
        }
        return Array(first.dropLast()) + [shapes.reduce(0) { $0 + ($1.last ?? 0) }]
    }
}
