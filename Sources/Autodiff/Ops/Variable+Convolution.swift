import Kernels
import Threads

/// `conv2d` on variables; gradients flow to the input, the kernel and the bias (see
/// `conv2dInputGradient`, `conv2dKernelGradient`, `biasGradient`).
/// - Throws: what `conv2d` throws.
public func conv2d(
    _ input: Variable, _ kernel: Variable, bias: Variable? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Variable {
    let (x, k) = (input.value, kernel.value)
    let y = try conv2d(x, k, bias: bias?.value, stride: stride, padding: padding, dilation: dilation, threads: threads)
    return try Variable.result(y, of: "conv2d", [input, kernel] + (bias.map { [$0] } ?? [])) { dy, wanted in
        [
            wanted[0] ? try conv2dInputGradient(dy, kernel: k, inputShape: x.shape, stride: stride, padding: padding,
                                                dilation: dilation, threads: threads) : nil,
            wanted[1] ? try conv2dKernelGradient(dy, input: x, kernelShape: k.shape, stride: stride, padding: padding,
                                                 dilation: dilation, threads: threads) : nil,
        ] + (wanted.count > 2 ? [wanted[2] ? try biasGradient(dy) : nil] : [])
    }
}

/// `depthwiseConv2d` on variables; gradients flow to the input, the kernel and the bias.
/// - Throws: what `depthwiseConv2d` throws.
public func depthwiseConv2d(
    _ input: Variable, _ kernel: Variable, bias: Variable? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Variable {
    let (x, k) = (input.value, kernel.value)
    let y = try depthwiseConv2d(x, k, bias: bias?.value, stride: stride, padding: padding, dilation: dilation, threads: threads)
    return try Variable.result(y, of: "depthwiseConv2d", [input, kernel] + (bias.map { [$0] } ?? [])) { dy, wanted in
        [
            wanted[0] ? try depthwiseConv2dInputGradient(dy, kernel: k, inputShape: x.shape, stride: stride, padding: padding,
                                                         dilation: dilation, threads: threads) : nil,
            wanted[1] ? try depthwiseConv2dKernelGradient(dy, input: x, kernelShape: k.shape, stride: stride, padding: padding,
                                                          dilation: dilation, threads: threads) : nil,
        ] + (wanted.count > 2 ? [wanted[2] ? try biasGradient(dy) : nil] : [])
    }
}

/// `maxPool2d` on a variable; the gradient goes to each window's maximum (see `maxPool2dGradient`).
/// - Throws: what `maxPool2d` throws.
public func maxPool2d(
    _ input: Variable, size: Int, stride: Int? = nil, padding: Padding = .valid, threads: Int = Parallel.coreCount
) throws -> Variable {
    try maxPool2d(input, PoolWindow(size: size, stride: stride, padding: padding), threads: threads)
}

/// `maxPool2d` over a rectangular `window` on a variable.
/// - Throws: what `maxPool2d` throws.
public func maxPool2d(_ input: Variable, _ window: PoolWindow, threads: Int = Parallel.coreCount) throws -> Variable {
    let x = input.value
    let y = try maxPool2d(x, window, threads: threads)
    return try Variable.result(y, of: "maxPool2d", [input]) { dy, _ in
        [try maxPool2dGradient(dy, input: x, window, threads: threads)]
    }
}

/// `avgPool2d` on a variable; the gradient is shared by each window's real values.
/// - Throws: what `avgPool2d` throws.
public func avgPool2d(
    _ input: Variable, size: Int, stride: Int? = nil, padding: Padding = .valid, threads: Int = Parallel.coreCount
) throws -> Variable {
    try avgPool2d(input, PoolWindow(size: size, stride: stride, padding: padding), threads: threads)
}

/// `avgPool2d` over a rectangular `window` on a variable; the gradient is shared as the average
/// divides (`window.countIncludesPadding`).
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
