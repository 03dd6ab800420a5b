/// A model's layers with their output shapes, parameters, receptive fields and multiply-adds, and the
/// totals, as Keras's `model.summary()` and torchinfo show them, computed from shapes alone.
///
/// Rows come in order, a container (a nested `Sequential`, a `Residual` or a `Concat`) before its
/// layers, which are one level deeper (a `Concat`'s branches are its layers, a branch of several
/// layers a `Sequential`);
/// a container's row shows the sums of its layers. Totals count each layer once.
public struct ModelSummary: Sendable, Hashable {
    /// One line of the summary.
    public struct Row: Sendable, Hashable {
        /// Positions from the outside in: `["5", "2"]` is the second layer inside the fifth; a residual
        /// block's shortcut layers have `"shortcut"` before their position.
        public var path: [String]
        /// Nesting depth, 0 for the model's own layers; a residual block's main path and shortcut are
        /// both one deeper than the block.
        public var depth: Int { path.count(where: { $0 != "shortcut" }) - 1 }
        /// Whether the layer is on a residual block's shortcut.
        public var isShortcut: Bool { path.contains("shortcut") }
        /// The short type name, such as `Conv2D`.
        public var kind: String
        /// The layer in the lesson's terms, such as `Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid)`.
        public var layer: String
        /// The output shape of one example.
        public var outputShape: [Int]
        /// The parameters, trainable and not.
        public var parameters: ParameterCounts
        /// The receptive field of one output in the model's input.
        public var receptiveField: ReceptiveField
        /// Multiply-adds for one example.
        public var multiplyAdds: Int
        /// Whether the row sums the rows nested under it.
        public var isContainer: Bool
        /// Warnings this layer raised, without location (the row locates them).
        public var warnings: [String]

        /// The position as in error messages, "5.2".
        public var position: String { path.joined(separator: ".") }
    }

    /// The shape of one input example.
    public let input: [Int]
    /// The rows, in order.
    public let rows: [Row]
    /// The model's output shape.
    public let outputShape: [Int]
    /// All parameters, split trainable and not.
    public let parameters: ParameterCounts
    /// Multiply-adds for one example.
    public let multiplyAdds: Int
    /// The receptive field of one output in the input.
    public let receptiveField: ReceptiveField
    /// Every warning, located: "layer 3 (Conv2D): stride 2 does not divide …".
    public let warnings: [String]

    /// Summarises `model` for examples of shape `input`, allocating no tensors and building nothing.
    /// - Throws: `LayersError` naming the first layer, by position, whose input does not fit.
    public init(model: Sequential, input: [Int]) throws {
        if let empty = input.first(where: { $0 < 1 }) {
            throw LayersError("Sequential", "the shape \(input) has an axis of size \(empty); every axis needs at least 1")
        }
        try model.checkInput(input)
        var walker = SummaryWalker(tracker: ReceptiveFieldTracker(input: input))
        outputShape = try walker.walk(model.layers, from: input, path: [])
        self.input = input
        rows = walker.rows
        let leaves = rows.filter { !$0.isContainer }
        parameters = leaves.reduce(.zero) { $0 + $1.parameters }
        multiplyAdds = leaves.reduce(0) { $0 + $1.multiplyAdds }
        receptiveField = walker.tracker.field
        warnings = walker.warnings.map(\.description)
    }

    /// Summarises `model` for the input shape it was made with.
    /// - Throws: `LayersError` when the model has no input shape, or a layer's input does not fit.
    public init(model: Sequential) throws {
        guard let input = model.input else {
            throw LayersError(subject: model.kind, "has no input shape to summarise: give it one with 'input:'")
        }
        try self.init(model: model, input: input)
    }

    /// Bytes the parameters take as Float32.
    public var parameterBytes: Int { parameters.total * 4 }

    /// The parameters' size in megabytes of 2^20 bytes, as Keras's summary prints it ("527.79 MB").
    public var parameterMegabytes: Double { Double(parameterBytes) / 1_048_576 }
}

/// Walks a model's layers depth first, producing summary rows and following the receptive field.
struct SummaryWalker {
    var tracker: ReceptiveFieldTracker
    var rows: [ModelSummary.Row] = []
    var warnings: [ShapeWarning] = []

    /// Adds rows for `layers` from examples of shape `input` at `path`; returns the output shape.
    mutating func walk(_ layers: [any Layer], from input: [Int], path: [String]) throws -> [Int] {
        var shape = input
        for (index, layer) in layers.enumerated() {
            // Each level adds its own position to an error; rows and warnings carry the whole path.
            shape = try located(at: "\(index + 1)") {
                try visit(layer, from: shape, path: path + ["\(index + 1)"])
            }
        }
        return shape
    }

    private mutating func visit(_ layer: any Layer, from input: [Int], path: [String]) throws -> [Int] {
        switch layer {
        case let model as Sequential:
            try model.checkInput(input)
            return try container(layer, path: path) { walker in
                try walker.walk(model.layers, from: input, path: path)
            }
        case let block as Residual:
            return try container(layer, path: path) { walker in
                let mainTracker = walker.tracker
                let output = try walker.walk(block.main.layers, from: input, path: path)
                let afterMain = walker.tracker
                var shortcutShape = input
                if let shortcut = block.shortcut {
                    walker.tracker = mainTracker
                    shortcutShape = try located(at: "shortcut") {
                        try walker.walk(shortcut.layers, from: input, path: path + ["shortcut"])
                    }
                    walker.tracker = afterMain
                }
                try block.checkSum(output, shortcutShape)
                return output
            }
        case let block as Concat:
            return try container(layer, path: path) { walker in
                // Each branch starts from the block's input; the widest branch's field goes on.
                let start = walker.tracker
                var widest = start
                var shapes: [[Int]] = []
                for (index, branch) in block.branches.enumerated() {
                    walker.tracker = start
                    // A branch of one layer is shown as that layer.
                    let shown: any Layer = branch.layers.count == 1 ? branch.layers[0] : branch
                    shapes.append(try located(at: "branch \(index + 1)") {
                        try walker.visit(shown, from: input, path: path + ["\(index + 1)"])
                    })
                    let field = walker.tracker.field
                    if field.height * field.width > widest.field.height * widest.field.width { widest = walker.tracker }
                }
                walker.tracker = widest
                return try block.joined(shapes)
            }
        default:
            let report = try layer.shapeReport(for: input)
            tracker.apply(layer.receptiveFieldStep, output: report.shape)
            let located = report.warnings.map { warning in path.reversed().reduce(warning) { $0.located(at: $1) } }
            warnings += located
            rows.append(ModelSummary.Row(
                path: path, kind: layer.kind, layer: layer.description, outputShape: report.shape,
                parameters: try layer.parameterCounts(for: input), receptiveField: tracker.field,
                multiplyAdds: try layer.multiplyAdds(for: input), isContainer: false,
                warnings: report.warnings.map(\.message)))
            return report.shape
        }
    }

    /// Adds a container's row, then its layers' rows through `body`, and fills in the container's sums.
    private mutating func container(_ layer: any Layer, path: [String],
                                    _ body: (inout SummaryWalker) throws -> [Int]) throws -> [Int] {
        let rowIndex = rows.count
        rows.append(ModelSummary.Row(path: path, kind: layer.kind, layer: layer.description, outputShape: [],
                                     parameters: .zero, receptiveField: tracker.field, multiplyAdds: 0,
                                     isContainer: true, warnings: []))
        let output = try body(&self)
        let inner = rows[(rowIndex + 1)...].filter { !$0.isContainer && $0.path.starts(with: path) }
        rows[rowIndex].outputShape = output
        rows[rowIndex].parameters = inner.reduce(.zero) { $0 + $1.parameters }
        rows[rowIndex].multiplyAdds = inner.reduce(0) { $0 + $1.multiplyAdds }
        rows[rowIndex].receptiveField = tracker.field
        return output
    }
}
