import Threads
/// A 2-D convolution (cross-correlation, as in every deep learning library) of an image or a batch.
///
/// `output[n, oh, ow, co] = Σ input[n, oh·stride − paddingTop + kh·dilation,
/// ow·stride − paddingLeft + kw·dilation, ci] · kernel[kh, kw, ci, co]` (+ `bias[co]`), summed
/// with fused multiply-adds in the order kh, kw, ci, skipping padding, then the bias added; a 3×3 kernel
/// of stride and dilation 1 with 48 or more channels in and out is computed by Winograd's F(2×2, 3×3)
/// instead (see `Winograd`), with 2.25 times fewer multiplications, equal to the sum within rounding.
/// Output height is (height + paddingTop + paddingBottom − (kernelHeight − 1)·dilation − 1) / stride + 1
/// (see `ConvGeometry`).
/// - Parameters:
///   - input: `[height, width, channels]` or `[batch, height, width, channels]`.
///   - kernel: `[kernelHeight, kernelWidth, inputChannels, outputChannels]`.
///   - bias: `[outputChannels]`, added after the sum.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: `[outHeight, outWidth, outputChannels]`, with the batch axis if the input had one.
/// - Throws: `KernelsError` when a rank, channel count or bias does not match, or the kernel does
///   not fit (see `ConvGeometry`).
public func conv2d(
    _ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: Int, padding: Padding = .valid,
    dilation: Int = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    try conv2d(input, kernel, bias: bias, stride: PerAxis(stride), padding: padding, dilation: PerAxis(dilation),
               threads: threads)
}

/// `conv2d` with a stride and a dilation per axis (`PerAxis(height: 2, width: 1)`).
/// - Throws: as `conv2d(_:_:bias:stride:padding:dilation:threads:)`.
public func conv2d(
    _ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let problem = try ConvProblem(.conv2d, input, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
    let (layout, shape, count) = (problem.layout, problem.outputShape, problem.outputCount)
    let (inputChannels, outputChannels) = (problem.inputChannels, problem.outputChannels)
    guard count > 0 else { return Tensor(unchecked: shape, []) }
    guard inputChannels > 0 else {
        // An empty sum is +0; only the bias remains.
        let scalars = bias.map { bias in (0..<(count / outputChannels)).flatMap { _ in bias.scalars } }
        return Tensor(unchecked: shape, scalars ?? [Float](repeating: 0, count: count))
    }
    let biasScalars = bias?.scalars ?? []
    return input.scalars.withUnsafeBufferPointer { x in
        kernel.scalars.withUnsafeBufferPointer { w in
            biasScalars.withUnsafeBufferPointer { b in
                let biasPointer = bias == nil ? nil : b.baseAddress
                return Tensor.uninitialized(shape, count: count) { y in
                    if Winograd.applies(to: problem) {
                        Winograd.run(problem, input: x.baseAddress!, kernel: kernel.scalars, bias: biasPointer, output: y, threads: threads)
                        return
                    }
                    let g = problem.geometry
                    let pixelStride = ConvRows.pixelStride(channels: inputChannels)
                    let copies = g.paddingTop + g.paddingBottom + g.paddingLeft + g.paddingRight > 0 || pixelStride != inputChannels
                    let paddedShape = [layout.batch, layout.height + g.paddingTop + g.paddingBottom,
                                       layout.width + g.paddingLeft + g.paddingRight, pixelStride]
                    let paddedCount = (try? Tensor.elementCount(of: paddedShape)) ?? Int.max
                    guard !copies || paddedCount <= Swift.max(4 * input.count, 1 << 16) else {
                        DirectConv.run(problem, input: x.baseAddress!, kernel: w.baseAddress!, bias: bias?.scalars,
                                       output: y, threads: threads)
                        return
                    }
                    Scratch.with(Float.self, count: copies ? paddedCount : 0) { padded in
                        if copies {
                            ConvRows.pad(x.baseAddress!, problem: problem, pixelStride: pixelStride, into: padded, threads: threads)
                        }
                        let rows = ConvRows(paddedImage: copies ? UnsafePointer(padded) : x.baseAddress!, problem: problem,
                                            pixelStride: copies ? pixelStride : inputChannels)
                        GEMM.multiply(
                            m: count / outputChannels, n: outputChannels, rows: rows, b: w.baseAddress!, ldb: outputChannels,
                            weights: kernel.scalars, c: y, ldc: outputChannels, bias: biasPointer, threads: threads)
                    }
                }
            }
        }
    }
}
