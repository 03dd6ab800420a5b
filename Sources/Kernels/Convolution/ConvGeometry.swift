/// The output size and the four paddings of one sliding window (a convolution or a pool) over
/// an image, and the errors and warnings about it in the lesson's terms.
///
/// It is the single place these are computed: the ops use it, and so does shape inference.
/// With effective kernel size F = (kernel − 1)·dilation + 1 along an axis of size W,
/// the output size is (W + paddingBefore + paddingAfter − F) / stride + 1, rounded down.
/// `.same` follows TensorFlow: the output is ⌈W / stride⌉ and the total padding
/// max((⌈W / stride⌉ − 1)·stride + F − W, 0) is split with the larger half after.
public struct ConvGeometry: Sendable, Equatable {
    /// What slides over the input, as the messages name it.
    public enum Window: Sendable, Equatable {
        /// A convolution kernel ("a 3×3 kernel").
        case kernel
        /// A pooling window ("a 2×2 window").
        case pool
    }

    /// Output rows.
    public let outputHeight: Int
    /// Output columns.
    public let outputWidth: Int
    /// Zero rows added above the input.
    public let paddingTop: Int
    /// Zero rows added below the input.
    public let paddingBottom: Int
    /// Zero columns added left of the input.
    public let paddingLeft: Int
    /// Zero columns added right of the input.
    public let paddingRight: Int
    /// Notes that do not stop the computation, such as input rows the stride never reaches.
    public let warnings: [String]

    /// Computes the geometry of a `kernelHeight`×`kernelWidth` window over an
    /// `inputHeight`×`inputWidth` input, with one stride and dilation for both axes.
    /// - Throws: `KernelsError` when a size, stride, dilation or padding is out of range, or the
    ///   window does not fit, with the output-size formula and its numbers.
    public init(
        inputHeight: Int, inputWidth: Int, kernelHeight: Int, kernelWidth: Int,
        stride: Int, padding: Padding, dilation: Int = 1, window: Window = .kernel
    ) throws {
        try self.init(inputHeight: inputHeight, inputWidth: inputWidth, kernelHeight: kernelHeight,
                      kernelWidth: kernelWidth, strideHeight: stride, strideWidth: stride, padding: padding,
                      dilationHeight: dilation, dilationWidth: dilation, window: window)
    }

    /// Computes the geometry of a `kernelHeight`×`kernelWidth` window over an
    /// `inputHeight`×`inputWidth` input, each axis with its own stride and dilation.
    ///
    /// With `roundsUp` (PyTorch's `ceil_mode=True`) the output size is rounded up rather than
    /// down, ⌈(W + paddings − F)/stride⌉ + 1, less one when the last window would start in the
    /// padding after the input; the window that is added reaches past the padding, and
    /// `paddingBottom` and `paddingRight` include what it reaches.
    /// - Throws: `KernelsError` when a size, stride, dilation or padding is out of range, or the
    ///   window does not fit, with the output-size formula and its numbers.
    public init(
        inputHeight: Int, inputWidth: Int, kernelHeight: Int, kernelWidth: Int,
        strideHeight: Int, strideWidth: Int, padding: Padding, dilationHeight: Int = 1, dilationWidth: Int = 1,
        window: Window = .kernel, roundsUp: Bool = false
    ) throws {
        let noun = window == .kernel ? "kernel" : "window"
        // Far beyond any tensor's size, and small enough that no formula below can overflow.
        let limit = 1 << 30
        let sides = padding.explicitSides ?? (0, 0, 0, 0)
        for (name, value) in [("input height", inputHeight), ("input width", inputWidth), ("kernel height", kernelHeight),
                              ("kernel width", kernelWidth), ("stride", max(strideHeight, strideWidth)),
                              ("dilation", max(dilationHeight, dilationWidth)),
                              ("padding", max(sides.top, sides.bottom, sides.left, sides.right))] where value > limit {
            throw KernelsError("the \(name) \(value) is too large: sizes, strides, dilations and paddings are at most \(limit)")
        }
        guard kernelHeight >= 1, kernelWidth >= 1 else {
            throw KernelsError("a \(signed(kernelHeight))×\(signed(kernelWidth)) \(noun) is empty: its sides must be at least 1")
        }
        for stride in [strideHeight, strideWidth] where stride < 1 {
            throw KernelsError("the stride must be at least 1, not \(signed(stride))")
        }
        for dilation in [dilationHeight, dilationWidth] where dilation < 1 {
            throw KernelsError("the dilation must be at least 1, not \(signed(dilation))")
        }
        for amount in [sides.top, sides.bottom, sides.left, sides.right] where amount < 0 {
            throw KernelsError("the padding must be 0 or more, not \(signed(amount))")
        }
        guard inputHeight >= 1, inputWidth >= 1 else {
            throw KernelsError("a \(signed(inputHeight))×\(signed(inputWidth)) input is empty: it has no pixels to slide over")
        }
        let rows = Axis(input: inputHeight, kernel: kernelHeight, stride: strideHeight, padding: padding,
                        sides: (sides.top, sides.bottom), dilation: dilationHeight, roundsUp: roundsUp)
        let columns = Axis(input: inputWidth, kernel: kernelWidth, stride: strideWidth, padding: padding,
                           sides: (sides.left, sides.right), dilation: dilationWidth, roundsUp: roundsUp)
        if let failing = [rows, columns].first(where: { $0.span < 0 }) {
            var what = "a \(kernelHeight)×\(kernelWidth) \(noun)"
            if dilationHeight > 1 || dilationWidth > 1 {
                let dilation = dilationHeight == dilationWidth ? "\(dilationHeight)" : "\(dilationHeight)×\(dilationWidth)"
                what += " with dilation \(dilation) spans \(rows.effectiveKernel)×\(columns.effectiveKernel), which"
            }
            throw KernelsError(
                "\(what) does not fit a \(inputHeight)×\(inputWidth) input with padding \(failing.paddingText): "
                    + "(\(failing.formula))/\(failing.stride) + 1 = \(signed(failing.output))")
        }
        outputHeight = rows.output
        outputWidth = columns.output
        paddingTop = rows.before
        paddingBottom = rows.after
        paddingLeft = columns.before
        paddingRight = columns.after
        warnings = ConvGeometry.droppedWarnings(rows: rows, columns: columns)
    }

    /// One axis of the window: its paddings, output size, and the numbers of its formula.
    private struct Axis {
        let input: Int, effectiveKernel: Int, stride: Int, before: Int, after: Int
        /// input + before + after − effectiveKernel; negative when the window does not fit.
        let span: Int
        let output: Int
        let dropped: Int

        init(input: Int, kernel: Int, stride: Int, padding: Padding, sides: (Int, Int), dilation: Int, roundsUp: Bool) {
            self.input = input
            self.stride = stride
            effectiveKernel = (kernel - 1) * dilation + 1
            var (before, after) = sides
            if case .same = padding {
                let output = (input + stride - 1) / stride
                let total = max((output - 1) * stride + effectiveKernel - input, 0)
                before = total / 2; after = total - total / 2
            }
            let fitted = input + before + after - effectiveKernel
            if roundsUp, fitted > 0, fitted % stride != 0 {
                // One more window, kept only when it starts inside the input or the padding before it.
                let last = fitted / stride + 1
                if last * stride < input + before {
                    after += (last * stride + effectiveKernel) - (input + before + after)
                }
            }
            (self.before, self.after) = (before, after)
            span = input + before + after - effectiveKernel
            output = span >= 0 ? span / stride + 1 : floorDivide(span, stride) + 1
            // Rows past the last window that are padding are not worth a warning.
            dropped = span >= 0 ? max(span % stride - after, 0) : 0
        }

        /// "1" with equal paddings, "0 and 1" otherwise.
        var paddingText: String { before == after ? "\(before)" : "\(before) and \(after)" }

        /// "32 − 3 + 2·1" with equal paddings, "32 − 3 + 0 + 1" otherwise.
        var formula: String {
            let paddings = before == after ? "2·\(before)" : "\(before) + \(after)"
            return "\(input) − \(effectiveKernel) + \(paddings)"
        }
    }

    private static func droppedWarnings(rows: Axis, columns: Axis) -> [String] {
        func counted(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
        if rows.dropped > 0, columns.dropped > 0, rows.formula == columns.formula, rows.stride == columns.stride {
            return ["stride \(rows.stride) does not divide \(rows.formula) = \(rows.span): "
                + "\(counted(rows.dropped, "row")) and \(counted(columns.dropped, "column")) "
                + "at the bottom and right are never used"]
        }
        var warnings: [String] = []
        for (axis, noun, side) in [(rows, "row", "bottom"), (columns, "column", "right")] where axis.dropped > 0 {
            let verb = axis.dropped == 1 ? "is" : "are"
            warnings.append("stride \(axis.stride) does not divide \(axis.formula) = \(axis.span): "
                + "\(counted(axis.dropped, noun)) at the \(side) \(verb) never used")
        }
        return warnings
    }
}

/// ⌊a / b⌋ for b > 0.
private func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}

/// An integer with a typographic minus sign, as the lesson prints formulas.
func signed(_ n: Int) -> String {
    n < 0 ? "−\(-n)" : "\(n)"
}
