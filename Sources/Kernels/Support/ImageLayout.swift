/// The sizes of an image `[height, width, channels]` or a batch `[batch, height, width, channels]`.
struct ImageLayout: Equatable {
    let batch: Int, height: Int, width: Int, channels: Int
    /// Whether the input had a batch axis (the output keeps the same rank).
    let isBatch: Bool

    /// The layout of `input`, or an error naming `operation` and the shape.
    init(_ input: Tensor, operation: String) throws {
        try self.init(shape: input.shape, operation: operation)
    }

    /// The layout of an input of `shape`, or an error naming `operation` and the shape.
    init(shape: [Int], operation: String) throws {
        switch shape.count {
        case 3:
            (batch, height, width, channels, isBatch) = (1, shape[0], shape[1], shape[2], false)
        case 4:
            (batch, height, width, channels, isBatch) = (shape[0], shape[1], shape[2], shape[3], true)
        default:
            throw KernelsError(
                "\(operation): the input must be an image [height, width, channels] or a batch [batch, height, width, channels], not shape \(shape)")
        }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw KernelsError("\(operation): the input shape \(shape) has a negative size \(signed(negative))")
        }
    }

    /// The shape of the input itself.
    var inputShape: [Int] { shape(height: height, width: width, channels: channels) }

    /// The shape of an output with the same batch form.
    func shape(height: Int, width: Int, channels: Int) -> [Int] {
        isBatch ? [batch, height, width, channels] : [height, width, channels]
    }
}

extension ConvGeometry {
    /// The geometry for `operation`, with its name in front of any error.
    init(
        _ operation: String, input: ImageLayout, kernelHeight: Int, kernelWidth: Int,
        stride: PerAxis, padding: Padding, dilation: PerAxis, window: Window
    ) throws {
        do {
            try self.init(
                inputHeight: input.height, inputWidth: input.width, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                strideHeight: stride.height, strideWidth: stride.width, padding: padding,
                dilationHeight: dilation.height, dilationWidth: dilation.width, window: window)
        } catch let error as KernelsError {
            throw KernelsError("\(operation): \(error.message)")
        }
    }
}
