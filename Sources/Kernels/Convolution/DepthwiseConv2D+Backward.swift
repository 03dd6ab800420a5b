import Threads

/// The gradient of `depthwiseConv2d`'s result with respect to its input.
///
/// `inputGradient[n, y, x, c] = Σ outputGradient[n, oy, ox, c·multiplier + m] · kernel[kh, kw, c, m]`
/// over the windows whose tap (kh, kw) lands on (y, x), accumulated with fused multiply-adds in
/// kh, kw, m order; input values no window reaches get 0.
/// - Parameters:
///   - outputGradient: the gradient of `depthwiseConv2d`'s output, of its shape.
///   - kernel: `[kernelHeight, kernelWidth, channels, multiplier]`, as given to `depthwiseConv2d`.
///   - inputShape: the shape of `depthwiseConv2d`'s input.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: a tensor of `inputShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one depthwise convolution.
public func depthwiseConv2dInputGradient(
    _ outputGradient: Tensor, kernel: Tensor, inputShape: [Int], stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let operation = "depthwiseConv2dInputGradient"
    let p = try ConvProblem(.depthwiseConv2d, operation, inputShape: inputShape, kernelShape: kernel.shape,
                            outputGradient: outputGradient, stride: stride, padding: padding, dilation: dilation)
    let count = try OpChecks.inputCount(inputShape, operation: operation)
    guard count > 0 else { return Tensor(unchecked: inputShape, []) }
    let (h, w, c, m) = (p.layout.height, p.layout.width, p.inputChannels, kernel.shape[3])
    let threads = Swift.max(1, Swift.min(threads, count * p.kernelHeight * p.kernelWidth * m / (1 << 17)))
    return outputGradient.scalars.withUnsafeBufferPointer { dy in
        kernel.scalars.withUnsafeBufferPointer { k in
            Tensor.uninitialized(inputShape, count: count) { dx in
                let shared = UncheckedSendable((dy.baseAddress!, k.baseAddress!, dx))
                let windows = p.windows
                Parallel.forEach(parts: p.layout.batch * h, threads: threads) { part in
                    let (dy, k, dx) = shared.value
                    let n = part / h, y = part % h
                    for x in 0..<w {
                        let out = dx + ((n * h + y) * w + x) * c
                        out.update(repeating: 0, count: c)
                        windows.forEach(reaching: y, x) { kh, kw, oy, ox in
                            let gradient = dy + ((n * p.outputHeight + oy) * p.outputWidth + ox) * c * m
                            let taps = k + (kh * p.kernelWidth + kw) * c * m
                            if m == 1 {
                                Lanes.accumulateProducts(gradient, taps, into: out, count: c)
                            } else {
                                for channel in 0..<c {
                                    for j in 0..<m {
                                        out[channel] = out[channel].addingProduct(gradient[channel * m + j], taps[channel * m + j])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The gradient of `depthwiseConv2d`'s result with respect to its kernel.
///
/// `kernelGradient[kh, kw, c, m] = Σ input[n, oy·stride − paddingTop + kh·dilation,
/// ox·stride − paddingLeft + kw·dilation, c] · outputGradient[n, oy, ox, c·multiplier + m]`,
/// accumulated with fused multiply-adds over n, oy, ox in order, padding taps skipped.
/// - Parameters:
///   - outputGradient: the gradient of `depthwiseConv2d`'s output, of its shape.
///   - input: the input given to `depthwiseConv2d`.
///   - kernelShape: `[kernelHeight, kernelWidth, channels, multiplier]`.
///   - threads: how many threads may share the work (one tap each); the result is the same for any number.
/// - Returns: a tensor of `kernelShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one depthwise convolution.
public func depthwiseConv2dKernelGradient(
    _ outputGradient: Tensor, input: Tensor, kernelShape: [Int], stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let operation = "depthwiseConv2dKernelGradient"
    let p = try ConvProblem(.depthwiseConv2d, operation, inputShape: input.shape, kernelShape: kernelShape,
                            outputGradient: outputGradient, stride: stride, padding: padding, dilation: dilation)
    let count = try OpChecks.outputCount(kernelShape, operation: operation)
    guard count > 0 else { return Tensor(unchecked: kernelShape, []) }
    let (h, w, c, m) = (p.layout.height, p.layout.width, p.inputChannels, kernelShape[3])
    let (oh, ow) = (p.outputHeight, p.outputWidth)
    let (top, left) = (p.geometry.paddingTop, p.geometry.paddingLeft)
    let taps = p.kernelHeight * p.kernelWidth
    let threads = Swift.max(1, Swift.min(threads, outputGradient.count * taps / (1 << 17)))
    return input.scalars.withUnsafeBufferPointer { x in
        outputGradient.scalars.withUnsafeBufferPointer { dy in
            Tensor.uninitialized(kernelShape, count: count) { dk in
                let shared = UncheckedSendable((x.baseAddress!, dy.baseAddress!, dk))
                Parallel.forEach(parts: taps, threads: threads) { tap in
                    let (x, dy, dk) = shared.value
                    let (kh, kw) = (tap / p.kernelWidth, tap % p.kernelWidth)
                    let sum = dk + tap * c * m
                    sum.update(repeating: 0, count: c * m)
                    for n in 0..<p.layout.batch {
                        for oy in 0..<oh {
                            let iy = oy * p.stride.height - top + kh * p.dilation.height
                            guard iy >= 0, iy < h else { continue }
                            for ox in 0..<ow {
                                let ix = ox * p.stride.width - left + kw * p.dilation.width
                                guard ix >= 0, ix < w else { continue }
                                let pixel = x + ((n * h + iy) * w + ix) * c
                                let gradient = dy + ((n * oh + oy) * ow + ox) * c * m
                                if m == 1 {
                                    Lanes.accumulateProducts(pixel, gradient, into: sum, count: c)
                                } else {
                                    for channel in 0..<c {
                                        for j in 0..<m {
                                            sum[channel * m + j] = sum[channel * m + j].addingProduct(pixel[channel], gradient[channel * m + j])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
