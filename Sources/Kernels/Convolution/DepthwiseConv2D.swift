import Threads
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
    _ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: Int, padding: Padding = .valid,
    dilation: Int = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    try depthwiseConv2d(input, kernel, bias: bias, stride: PerAxis(stride), padding: padding,
                        dilation: PerAxis(dilation), threads: threads)
}

/// `depthwiseConv2d` with a stride and a dilation per axis.
/// - Throws: as `depthwiseConv2d(_:_:bias:stride:padding:dilation:threads:)`.
public func depthwiseConv2d(
    _ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let problem = try ConvProblem(
        .depthwiseConv2d, input, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
    let (layout, geometry, shape, count) = (problem.layout, problem.geometry, problem.outputShape, problem.outputCount)
    guard count > 0 else { return Tensor(unchecked: shape, []) }
    let (kernelHeight, kernelWidth, outputChannels) = (problem.kernelHeight, problem.kernelWidth, problem.outputChannels)
    let (channels, multiplier) = (problem.inputChannels, kernel.shape[3])
    let (oh, ow) = (geometry.outputHeight, geometry.outputWidth)
    let (h, w) = (layout.height, layout.width)
    let (top, left) = (geometry.paddingTop, geometry.paddingLeft)
    let (strideHeight, strideWidth) = (problem.stride.height, problem.stride.width)
    let (dilationHeight, dilationWidth) = (problem.dilation.height, problem.dilation.width)
    let threads = Swift.max(1, Swift.min(threads, count * kernelHeight * kernelWidth / (1 << 17)))
    return input.scalars.withUnsafeBufferPointer { x in
        kernel.scalars.withUnsafeBufferPointer { k in
            Tensor.uninitialized(shape, count: count) { y in
                let shared = UncheckedSendable((x.baseAddress!, k.baseAddress!, y, bias?.scalars))
                Parallel.forEach(parts: layout.batch * oh, threads: threads) { row in
                    let (x, k, y, bias) = shared.value
                    let n = row / oh, oy = row % oh
                    // The kernel rows and columns whose taps land inside the image.
                    let rows = validTaps(from: oy * strideHeight - top, size: h, taps: kernelHeight, dilation: dilationHeight)
                    for ox in 0..<ow {
                        let columns = validTaps(from: ox * strideWidth - left, size: w, taps: kernelWidth, dilation: dilationWidth)
                        let out = y + ((n * oh + oy) * ow + ox) * outputChannels
                        func pixel(_ kh: Int, _ kw: Int) -> UnsafePointer<Float> {
                            x + ((n * h + oy * strideHeight - top + kh * dilationHeight) * w + ox * strideWidth - left + kw * dilationWidth) * channels
                        }
                        var o = 0
                        // With one filter per channel, output channel o reads input channel o: up to
                        // 64 at a time, so each tap's addresses are worked out once.
                        while multiplier == 1 && o + 16 <= outputChannels {
                            let vectors = Swift.min(4, (outputChannels - o) / 16)
                            var sum0 = Lanes.Vector(), sum1 = Lanes.Vector(), sum2 = Lanes.Vector(), sum3 = Lanes.Vector()
                            for kh in rows {
                                for kw in columns {
                                    let p = pixel(kh, kw) + o
                                    let t = k + (kh * kernelWidth + kw) * outputChannels + o
                                    sum0 = sum0.addingProduct(Lanes.load(p), Lanes.load(t))
                                    if vectors > 1 { sum1 = sum1.addingProduct(Lanes.load(p + 16), Lanes.load(t + 16)) }
                                    if vectors > 2 { sum2 = sum2.addingProduct(Lanes.load(p + 32), Lanes.load(t + 32)) }
                                    if vectors > 3 { sum3 = sum3.addingProduct(Lanes.load(p + 48), Lanes.load(t + 48)) }
                                }
                            }
                            func store(_ sum: Lanes.Vector, _ channel: Int) {
                                Lanes.store(bias.map { sum + Lanes.load($0, channel) } ?? sum, out + channel)
                            }
                            store(sum0, o)
                            if vectors > 1 { store(sum1, o + 16) }
                            if vectors > 2 { store(sum2, o + 32) }
                            if vectors > 3 { store(sum3, o + 48) }
                            o += 16 * vectors
                        }
                        while o < outputChannels {
                            var sum: Float = 0
                            for kh in rows {
                                for kw in columns {
                                    // [c, m] of this tap lines up with the output's c·multiplier + m.
                                    let taps = k + (kh * kernelWidth + kw) * outputChannels
                                    sum = sum.addingProduct(pixel(kh, kw)[o / multiplier], taps[o])
                                }
                            }
                            out[o] = bias.map { sum + $0[o] } ?? sum
                            o += 1
                        }
                    }
                }
            }
        }
    }
}

/// The taps t in 0..<taps with 0 ≤ start + t·dilation < size.
func validTaps(from start: Int, size: Int, taps: Int, dilation: Int) -> Range<Int> {
    let first = start >= 0 ? 0 : (-start + dilation - 1) / dilation
    let end = start >= size ? 0 : Swift.min(taps, (size - 1 - start) / dilation + 1)
    return first..<Swift.max(first, end)
}
