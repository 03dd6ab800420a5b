/// The sizes of one convolution (`conv2d` or `depthwiseConv2d`), after validation.
struct ConvProblem {
    let layout: ImageLayout
    let geometry: ConvGeometry
    let kernelHeight: Int, kernelWidth: Int, outputChannels: Int, stride: PerAxis, dilation: PerAxis
    /// The output's shape, with the batch axis if the input had one, and its element count.
    let outputShape: [Int], outputCount: Int

    var inputChannels: Int { layout.channels }
    var outputHeight: Int { geometry.outputHeight }
    var outputWidth: Int { geometry.outputWidth }

    /// Checks the operands of `operation` in the order its messages come: the image, the kernel (four
    /// axes, the image's depth on the third), the bias, whether the window fits, the output's size.
    /// - Throws: `KernelsError` with the operation's name in front.
    init(
        _ operation: ConvOperation, _ input: Tensor, _ kernel: Tensor, bias: Tensor?, stride: PerAxis,
        padding: Padding, dilation: PerAxis
    ) throws {
        let name = operation.rawValue
        layout = try ImageLayout(input, operation: name)
        let (kernelHeight, kernelWidth, channels, last) = try OpChecks.kernel(
            kernel, axes: operation.kernelAxes, input: input, layout: layout, operation: name)
        let depth = operation.outputChannels(channels: channels, last: last)
        try OpChecks.bias(bias, count: depth, operation: name,
                          owner: "the kernel \(kernel.shape) has \(operation.outputChannelsText(channels: channels, last: last))")
        geometry = try ConvGeometry(
            name, input: layout, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
            stride: stride, padding: padding, dilation: dilation, window: .kernel)
        outputShape = layout.shape(height: geometry.outputHeight, width: geometry.outputWidth, channels: depth)
        outputCount = try OpChecks.outputCount(outputShape, operation: name)
        (self.kernelHeight, self.kernelWidth, self.outputChannels) = (kernelHeight, kernelWidth, depth)
        (self.stride, self.dilation) = (stride, dilation)
    }
}

/// The two convolutions, as their checks and messages name them.
enum ConvOperation: String {
    case conv2d, depthwiseConv2d

    /// The kernel's axes, as messages name them.
    var kernelAxes: String {
        switch self {
        case .conv2d: "[height, width, input channels, output channels]"
        case .depthwiseConv2d: "[height, width, channels, multiplier]"
        }
    }

    /// The output depth for a kernel [_, _, channels, last].
    func outputChannels(channels: Int, last: Int) -> Int {
        switch self {
        case .conv2d: last
        case .depthwiseConv2d: channels * last
        }
    }

    /// "16 output channels", or a depthwise convolution's "3·2 = 6 output channels".
    func outputChannelsText(channels: Int, last: Int) -> String {
        switch self {
        case .conv2d: "\(last) output channels"
        case .depthwiseConv2d: "\(channels)·\(last) = \(channels * last) output channels"
        }
    }
}
