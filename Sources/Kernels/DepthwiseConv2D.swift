/// A depthwise 2-D convolution: each input channel is convolved with its own
/// `multiplier` filters, and nothing is summed across channels.
///
/// `output[n, oh, ow, c·multiplier + m] = Σ input[n, oh·stride − paddingTop + kh·dilation,
/// ow·stride − paddingLeft + kw·dilation, c] · kernel[kh, kw, c, m]` (+ `bias[c·multiplier + m]`),
/// summed with fused multiply-adds in the order kh, kw, skipping padding, then the bias added.
/// - Parameters:
///   - input: `[height, width, channels]` or `[batch, height, width, channels]`.
///   - kernel: `[kernelHeight, kernelWidth, channels, multiplier]`.
///   - bias: `[channels·multiplier]`.
/// - Returns: `[outHeight, outWidth, channels·multiplier]`, with the batch axis if the input had one.
/// - Throws: `KernelsError` when a rank, channel count or bias does not match, or the kernel does
///   not fit (see `ConvGeometry`).
public func depthwiseConv2d(
    _ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Padding = .valid,
    dilation: Int = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let layout = try ImageLayout(input, operation: "depthwiseConv2d")
    guard kernel.rank == 4 else {
        throw KernelsError(
            "depthwiseConv2d: the kernel must be [height, width, channels, multiplier], not shape \(kernel.shape)")
    }
    let (kernelHeight, kernelWidth, channels, multiplier) =
        (kernel.shape[0], kernel.shape[1], kernel.shape[2], kernel.shape[3])
    guard channels == layout.channels else {
        throw KernelsError(
            "depthwiseConv2d: the kernel \(kernel.shape) expects \(channels) input channels but the input \(input.shape) has \(layout.channels)")
    }
    let outputChannels = channels * multiplier
    try OpChecks.bias(bias, count: outputChannels, operation: "depthwiseConv2d",
                      owner: "the kernel \(kernel.shape) has \(channels)·\(multiplier) = \(outputChannels) output channels")
    let geometry = try ConvGeometry(
        "depthwiseConv2d", input: layout, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
        stride: stride, padding: padding, dilation: dilation, window: .kernel)
    let (oh, ow) = (geometry.outputHeight, geometry.outputWidth)
    let shape = layout.shape(height: oh, width: ow, channels: outputChannels)
    let count = try OpChecks.outputCount(shape, operation: "depthwiseConv2d")
    var output = [Float](repeating: 0, count: count)
    guard count > 0 else { return Tensor(unchecked: shape, output) }
    let (h, w) = (layout.height, layout.width)
    let (top, left) = (geometry.paddingTop, geometry.paddingLeft)
    input.scalars.withUnsafeBufferPointer { x in
        kernel.scalars.withUnsafeBufferPointer { k in
            output.withUnsafeMutableBufferPointer { y in
                let shared = UncheckedSendable((x.baseAddress!, k.baseAddress!, y.baseAddress!))
                Parallel.forEach(parts: layout.batch * oh, threads: threads) { row in
                    let (x, k, y) = shared.value
                    let n = row / oh
                    let oy = row % oh
                    for ox in 0..<ow {
                        let out = y + ((n * oh + oy) * ow + ox) * outputChannels
                        for kh in 0..<kernelHeight {
                            let iy = oy * stride - top + kh * dilation
                            guard iy >= 0, iy < h else { continue }
                            for kw in 0..<kernelWidth {
                                let ix = ox * stride - left + kw * dilation
                                guard ix >= 0, ix < w else { continue }
                                let pixel = x + ((n * h + iy) * w + ix) * channels
                                // [c, m] of this tap lines up with the output's c·multiplier + m.
                                let taps = k + (kh * kernelWidth + kw) * outputChannels
                                for c in 0..<channels {
                                    for m in 0..<multiplier {
                                        let o = c * multiplier + m
                                        out[o] = out[o].addingProduct(pixel[c], taps[o])
                                    }
                                }
                            }
                        }
                        if let bias = bias?.scalars {
                            for o in 0..<outputChannels { out[o] += bias[o] }
                        }
                    }
                }
            }
        }
    }
    return Tensor(unchecked: shape, output)
}
