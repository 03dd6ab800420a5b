internal import Kernels

/// How tensors read as text: a small one as aligned grids of numbers, a large one as its shape
/// and statistics.
enum TensorText {
    /// The largest side of a 2-D slice shown as a grid.
    static let gridSide = 10
    /// The most 2-D slices shown as grids.
    static let gridSlices = 8
    /// The most elements shown inline (`[[1.0, 0.0], [0.0, 1.0]]`).
    static let inlineElements = 16

    /// `Tensor [32, 32, 16] · min -1.2345 · mean 0.0012 · max 1.5000`.
    static func summary(_ tensor: Tensor) -> String {
        var text = "Tensor \(tensor.shape)"
        guard tensor.count > 0 else { return text + " · empty" }
        text += " · min \(NumberFormat.statistic(tensor.min()))"
        text += " · mean \(NumberFormat.statistic(tensor.mean()))"
        text += " · max \(NumberFormat.statistic(tensor.max()))"
        return text
    }

    /// The display of a tensor: grids when small, else the summary.
    ///
    /// A 2-D slice is the first two axes; a tensor of higher rank shows one slice per index of
    /// its other axes (the channels of [H, W, C], the kernels of [F, F, C_in, C_out]), labelled
    /// `[:, :, 0]`.
    static func display(_ tensor: Tensor) -> String {
        let shape = tensor.shape
        switch shape.count {
        case 0:
            return "Tensor [] · \(element(tensor.scalars[0], format(tensor.scalars)))"
        case 1 where shape[0] <= inlineElements:
            let f = format(tensor.scalars)
            return "Tensor \(shape)\n" + tensor.scalars.map { element($0, f) }.joined(separator: "  ")
        case 2... where shape[0] <= gridSide && shape[1] <= gridSide && slices(shape) <= gridSlices && tensor.count > 0:
            return grid(tensor)
        default:
            return summary(tensor)
        }
    }

    /// One line: the nested values when small (`[[1.0, 0.0], [0.0, 1.0]]`), else the summary.
    static func inline(_ tensor: Tensor) -> String {
        guard tensor.count <= inlineElements else { return summary(tensor) }
        var index = 0
        func nest(_ axis: Int) -> String {
            if axis == tensor.rank {
                defer { index += 1 }
                return "\(tensor.scalars[index])"
            }
            return "[" + (0..<tensor.shape[axis]).map { _ in nest(axis + 1) }.joined(separator: ", ") + "]"
        }
        return nest(0)
    }

    private static func slices(_ shape: [Int]) -> Int {
        shape.dropFirst(2).reduce(1, *)
    }

    /// How a tensor's elements are written: integers when all are, else four decimals; Swift's
    /// shortest form when the magnitudes are too large for fixed decimals.
    private enum Format { case integer, decimals, shortest }

    private static func format(_ values: [Float]) -> Format {
        let finite = values.filter(\.isFinite)
        let largest = finite.map(\.magnitude).max() ?? 0
        if largest >= 1e6 { return .shortest }
        return finite.allSatisfy { $0.rounded() == $0 } ? .integer : .decimals
    }

    private static func element(_ x: Float, _ format: Format) -> String {
        switch format {
        case .integer: NumberFormat.fixed(x, decimals: 0)
        case .decimals: NumberFormat.fixed(x, decimals: 4)
        case .shortest: "\(x)"
        }
    }

    private static func grid(_ tensor: Tensor) -> String {
        let shape = tensor.shape
        let (height, width) = (shape[0], shape[1])
        let rest = Array(shape.dropFirst(2))
        let sliceCount = rest.reduce(1, *)
        let f = format(tensor.scalars)
        let texts = tensor.scalars.map { element($0, f) }
        let columnWidth = texts.map(\.count).max() ?? 1
        var lines = ["Tensor \(shape)"]
        for slice in 0..<sliceCount {
            if !rest.isEmpty {
                var index: [Int] = []
                var remainder = slice
                for size in rest.reversed() {
                    index.insert(remainder % size, at: 0)
                    remainder /= size
                }
                lines.append("[:, :, " + index.map(String.init).joined(separator: ", ") + "]")
            }
            for row in 0..<height {
                let cells = (0..<width).map { column in
                    let text = texts[(row * width + column) * sliceCount + slice]
                    return String(repeating: " ", count: columnWidth - text.count) + text
                }
                lines.append(cells.joined(separator: "  "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
