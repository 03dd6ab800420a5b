import Kernels
import Threads

/// `conv2d` on variables; gradients flow to the input, the kernel and the bias (see
/// `conv2dInputGradient`, `conv2dKernelGradient`, `biasGradient`).
/// - Throws: what `conv2d` throws.
public func conv2d(
    _ input: Variable, _ kernel: Variable, bias: Variable? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Variable {
    try convolution(
        "conv2d", input, kernel, bias: bias, ConvolutionSettings(stride: stride, padding: padding, dilation: dilation, threads: threads),
        forward: conv2d, inputGradient: conv2dInputGradient, kernelGradient: conv2dKernelGradient)
}

/// `depthwiseConv2d` on variables; gradients flow to the input, the kernel and the bias.
/// - Throws: what `depthwiseConv2d` throws.
public func depthwiseConv2d(
    _ input: Variable, _ kernel: Variable, bias: Variable? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Variable {
    try convolution(
        "depthwiseConv2d", input, kernel, bias: bias,
        ConvolutionSettings(stride: stride, padding: padding, dilation: dilation, threads: threads),
        forward: depthwiseConv2d, inputGradient: depthwiseConv2dInputGradient, kernelGradient: depthwiseConv2dKernelGradient)
}

/// The stride, padding, dilation and threads one convolution and its gradients share.
private struct ConvolutionSettings {
    let stride: PerAxis, padding: Padding, dilation: PerAxis, threads: Int
}

/// A convolution on variables: `forward` on their values, and the gradients of the input, the
/// kernel and the bias that are wanted.
private func convolution(
    _ name: String, _ input: Variable, _ kernel: Variable, bias: Variable?, _ s: ConvolutionSettings,
    forward: (Tensor, Tensor, Tensor?, PerAxis, Padding, PerAxis, Int) throws -> Tensor,
    inputGradient: @escaping (Tensor, Tensor, [Int], PerAxis, Padding, PerAxis, Int) throws -> Tensor,
    kernelGradient: @escaping (Tensor, Tensor, [Int], PerAxis, Padding, PerAxis, Int) throws -> Tensor
) throws -> Variable {
    let (x, k) = (input.value, kernel.value)
    let y = try forward(x, k, bias?.value, s.stride, s.padding, s.dilation, s.threads)
    return try Variable.result(y, of: name, [input, kernel] + (bias.map { [$0] } ?? [])) { dy, wanted in
        [
            wanted[0] ? try inputGradient(dy, k, x.shape, s.stride, s.padding, s.dilation, s.threads) : nil,
            wanted[1] ? try kernelGradient(dy, x, k.shape, s.stride, s.padding, s.dilation, s.threads) : nil,
        ] + (wanted.count > 2 ? [wanted[2] ? try biasGradient(dy) : nil] : [])
    }
}

/// `maxPool2d` on a variable; the gradient goes to each window's maximum (see `maxPool2dGradient`).
/// - Throws: what `maxPool2d` throws.
public func maxPool2d(_ input: Variable, _ window: PoolWindow, threads: Int = Parallel.coreCount) throws -> Variable {
    let x = input.value
    let y = try maxPool2d(x, window, threads: threads)
    return try Variable.result(y, of: "maxPool2d", [input]) { dy, _ in
        [try maxPool2dGradient(dy, input: x, window, threads: threads)]
    }
}

/// `avgPool2d` on a variable; the gradient is shared as the average divides (`window.countIncludesPadding`).
/// - Throws: what `avgPool2d` throws.
public func avgPool2d(_ input: Variable, _ window: PoolWindow, threads: Int = Parallel.coreCount) throws -> Variable {
    let shape = input.shape
    let y = try avgPool2d(input.value, window, threads: threads)
    return try Variable.result(y, of: "avgPool2d", [input]) { dy, _ in
        [try avgPool2dGradient(dy, inputShape: shape, window, threads: threads)]
    }
}

/// `globalAvgPool2d` on a variable.
/// - Throws: what `globalAvgPool2d` throws.
public func globalAvgPool2d(_ input: Variable) throws -> Variable {
    let shape = input.shape
    return try Variable.result(try globalAvgPool2d(input.value), of: "globalAvgPool2d", [input]) { dy, _ in
        [try globalAvgPool2dGradient(dy, inputShape: shape)]
    }
}
