internal import Datasets
internal import Kernels

extension Builtins {
    /// Files beside the notebook and synthetic image sets.
    static let dataTypes: [BuiltinType] = [
        BuiltinType("Shapes", methods: [
            // `Shapes.dataset(count: 200, size: 5, canvas: [12, 12], rows: [3], columns: 0...2, seed: 1)`:
            // bars, discs and crosses (or the `kinds:` given), one class per kind.
            Builtin("dataset", [
                .optional("kinds", .array), .required("count", .int), .required("size", .int), .required("canvas", .ints),
                .required("rows", .any), .required("columns", .any), .optional("seed", .int, default: .int(0)),
            ]) { call in
                let kinds = try call.arguments[0] == nil ? ShapeKind.allCases : call.array(0).map { item in
                    guard case .string(let name) = item, let kind = ShapeKind(rawValue: name) else {
                        throw call.error("the kinds are names among \(ShapeKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))", at: 0)
                    }
                    return kind
                }
                let canvas = try canvasSize(call, 3)
                return .object(DatasetObject(try SyntheticImages.shapes(
                    kinds, count: call.int(1), size: call.int(2), canvasHeight: canvas.height, canvasWidth: canvas.width,
                    rows: DatasetObject.positions(call, 4), columns: DatasetObject.positions(call, 5), seed: call.seed(6))))
            },
        ]),
    ]

    /// `[height, width]`, or an error at argument `i`.
    static func canvasSize(_ call: Invocation, _ i: Int) throws -> (height: Int, width: Int) {
        let canvas = call.ints(i)
        guard canvas.count == 2 else { throw call.error("the canvas is [height, width], not \(canvas)", at: i) }
        return (canvas[0], canvas[1])
    }

    /// `Tensor.load("weights.npy")` and `Tensor.load("digit.png")`: a file from the notebook's folder.
    static let loadTensor = Builtin("load", [.required(nil, .string)]) { call in
        let path = try call.interpreter.notebookFile(call.string(0), at: 0, call)
        if path.hasSuffix(".npy") { return try call.tensorValue(try NPYFile.load(path)) }
        if path.hasSuffix(".png") { return try call.tensorValue(try PNGFile.load(path)) }
        throw call.error("Tensor.load reads NumPy '.npy' arrays and '.png' images, not '\(call.string(0))'", at: 0)
    }

    /// `t.save("maps.npy")`: the tensor as a NumPy array in the notebook's folder.
    static let saveTensor = Builtin("save", [.required(nil, .string)]) { call in
        guard case .tensor(let box) = call.receiver else { preconditionFailure("receiver is not a tensor") }
        guard call.string(0).hasSuffix(".npy") else {
            throw call.error("save writes NumPy arrays: give a name ending in '.npy', not '\(call.string(0))'", at: 0)
        }
        try NPYFile.save(box.tensor, to: try call.interpreter.notebookFile(call.string(0), at: 0, call))
        return .void
    }
}

extension Interpreter {
    /// The path of `name` in the notebook's folder, recorded as touched by the running cell.
    /// Names are relative and stay inside the folder: no absolute paths and no `..`.
    func notebookFile(_ name: String, at i: Int, _ call: Invocation) throws -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
            throw call.error("files are named relative to the notebook's folder, without '..': not '\(name)'", at: i)
        }
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let path = folder.isEmpty ? name : folder + "/" + name
        noteFile(path)
        return path
    }
}
