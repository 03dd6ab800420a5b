import Threads

/// The gradient of `conv2d`'s result with respect to its input.
///
/// `inputGradient[n, y, x, ci] = Σ outputGradient[n, oy, ox, co] · kernel[kh, kw, ci, co]` over every
/// (oy, ox, kh, kw, co) with oy·stride − paddingTop + kh·dilation = y and ox·stride − paddingLeft +
/// kw·dilation = x; rows and columns no window reaches get 0. Computed as one GEMM,
/// `outputGradient [pixels, co] · kernelᵀ [co, kh·kw·ci]` (each column value summed over co in
/// order), after which every input pixel adds up its taps' columns in kh, kw order. Where `conv2d` uses
/// Winograd's F(2×2, 3×3) (3×3, stride and dilation 1, 48 channels or more in and out) and no side is
/// padded by more than 2, it is instead that convolution of `outputGradient` with the kernel turned
/// half a turn and its channel axes swapped, padded by 2 − p on a side padded by p: equal within rounding.
/// - Parameters:
///   - outputGradient: the gradient of `conv2d`'s output, of its shape.
///   - kernel: `[kernelHeight, kernelWidth, inputChannels, outputChannels]`, as given to `conv2d`.
///   - inputShape: the shape of `conv2d`'s input, `[height, width, channels]` or with a batch axis.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: a tensor of `inputShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one convolution.
public func conv2dInputGradient(
    _ outputGradient: Tensor, kernel: Tensor, inputShape: [Int], stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let operation = "conv2dInputGradient"
    let p = try ConvProblem(.conv2d, operation, inputShape: inputShape, kernelShape: kernel.shape, outputGradient: outputGradient,
                            stride: stride, padding: padding, dilation: dilation)
    let count = try OpChecks.inputCount(inputShape, operation: operation)
    let (h, w, ci, co) = (p.layout.height, p.layout.width, p.inputChannels, p.outputChannels)
    let (oh, ow) = (p.outputHeight, p.outputWidth)
    let taps = p.kernelHeight * p.kernelWidth
    let columns = taps * ci
    guard count > 0, co > 0 else { return Tensor(unchecked: inputShape, [Float](repeating: 0, count: count)) }
    if let turned = try winogradInputGradient(outputGradient, kernel: kernel, problem: p, threads: threads) { return turned }
    // kernelᵀ: [co, kh·kw·ci].
    var transposedKernel = [Float](repeating: 0, count: columns * co)
    kernel.scalars.withUnsafeBufferPointer { k in
        transposedKernel.withUnsafeMutableBufferPointer { Tensor.transpose(k.baseAddress!, rows: columns, columns: co, into: $0.baseAddress!) }
    }
    let pixels = oh * ow
    let imagesPerChunk = Swift.max(1, Swift.min(p.layout.batch, ConvProblem.scratchLimit / Swift.max(1, pixels * columns)))
    let windows = p.windows
    return outputGradient.scalars.withUnsafeBufferPointer { dy in
        transposedKernel.withUnsafeBufferPointer { wt in
            Tensor.uninitialized(inputShape, count: count) { dx in
                Scratch.with(Float.self, count: imagesPerChunk * pixels * columns) { cols in
                    for first in Swift.stride(from: 0, to: p.layout.batch, by: imagesPerChunk) {
                        let images = Swift.min(imagesPerChunk, p.layout.batch - first)
                        GEMM.multiply(
                            m: images * pixels, n: columns, rows: MatrixRows(base: dy.baseAddress! + first * pixels * co, ld: co, run: co),
                            b: wt.baseAddress!, ldb: columns, c: cols, ldc: columns, bias: nil, threads: threads)
                        let shared = UncheckedSendable((UnsafePointer(cols), dx))
                        let gatherThreads = Swift.max(1, Swift.min(threads, images * h * w * taps * ci / (1 << 16)))
                        Parallel.forEach(parts: images * h, threads: gatherThreads) { part in
                            let (cols, dx) = shared.value
                            let image = part / h, y = part % h
                            for x in 0..<w {
                                let out = dx + (((first + image) * h + y) * w + x) * ci
                                out.update(repeating: 0, count: ci)
                                windows.forEach(reaching: y, x) { kh, kw, oy, ox in
                                    let row = (image * oh + oy) * ow + ox
                                    Lanes.accumulate(cols + row * columns + (kh * p.kernelWidth + kw) * ci, into: out, count: ci)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `conv2dInputGradient` as a convolution by Winograd's F(2×2, 3×3), or nil where it does not apply.
private func winogradInputGradient(_ outputGradient: Tensor, kernel: Tensor, problem p: ConvProblem, threads: Int) throws -> Tensor? {
    let g = p.geometry
    guard Winograd.applies(to: p), [g.paddingTop, g.paddingBottom, g.paddingLeft, g.paddingRight].allSatisfy({ $0 <= 2 }) else {
        return nil
    }
    let (ci, co) = (p.inputChannels, p.outputChannels)
    // turned[a, b, o, i] = kernel[2 − a, 2 − b, i, o]: each tap's [ci, co] matrix transposed, taps reversed.
    var turned = [Float](repeating: 0, count: 9 * ci * co)
    kernel.scalars.withUnsafeBufferPointer { k in
        turned.withUnsafeMutableBufferPointer { t in
            let pointers = UncheckedSendable((k.baseAddress!, t.baseAddress!))
            Parallel.forEach(parts: 9, threads: threads) { tap in
                Tensor.transpose(pointers.value.0 + (8 - tap) * ci * co, rows: ci, columns: co, into: pointers.value.1 + tap * co * ci)
            }
        }
    }
    let turnedKernel = Tensor(unchecked: [3, 3, co, ci], turned)
    let problem = try ConvProblem(
        .conv2d, outputGradient, turnedKernel, bias: nil, stride: 1,
        padding: .sides(top: 2 - g.paddingTop, bottom: 2 - g.paddingBottom, left: 2 - g.paddingLeft, right: 2 - g.paddingRight),
        dilation: 1)
    return outputGradient.scalars.withUnsafeBufferPointer { dy in
        Tensor.uninitialized(problem.outputShape, count: problem.outputCount) { dx in
            Winograd.run(problem, input: dy.baseAddress!, kernel: turned, keepsKernel: false, bias: nil, output: dx, threads: threads)
        }
    }
}

/// The gradient of `conv2d`'s result with respect to its kernel.
///
/// `kernelGradient[kh, kw, ci, co] = Σ input[n, oy·stride − paddingTop + kh·dilation,
/// ox·stride − paddingLeft + kw·dilation, ci] · outputGradient[n, oy, ox, co]` over n, oy, ox,
/// padding taps contributing nothing. Computed as the GEMM `im2col(input)ᵀ [kh·kw·ci, pixels] ·
/// outputGradient [pixels, co]` (im2col written in its natural layout, read transposed), each value
/// summed over the pixels in order (batches of more than about four million window values are
/// summed chunk by chunk, the chunks in order). Where `conv2d` uses Winograd's F(2×2, 3×3), so does
/// this (`Winograd.kernelGradient`): equal within rounding.
/// - Parameters:
///   - outputGradient: the gradient of `conv2d`'s output, of its shape.
///   - input: the input given to `conv2d`.
///   - kernelShape: `[kernelHeight, kernelWidth, inputChannels, outputChannels]`.
///   - threads: how many threads may share the work; the result is the same for any number.
/// - Returns: a tensor of `kernelShape`.
/// - Throws: `KernelsError` when the shapes do not belong to one convolution.
public func conv2dKernelGradient(
    _ outputGradient: Tensor, input: Tensor, kernelShape: [Int], stride: PerAxis = 1, padding: Padding = .valid,
    dilation: PerAxis = 1, threads: Int = Parallel.coreCount
) throws -> Tensor {
    let operation = "conv2dKernelGradient"
    let p = try ConvProblem(.conv2d, operation, inputShape: input.shape, kernelShape: kernelShape, outputGradient: outputGradient,
                            stride: stride, padding: padding, dilation: dilation)
    let (h, w, ci, co) = (p.layout.height, p.layout.width, p.inputChannels, p.outputChannels)
    let (oh, ow) = (p.outputHeight, p.outputWidth)
    let columns = p.kernelHeight * p.kernelWidth * ci
    let count = try OpChecks.outputCount(kernelShape, operation: operation)
    var result = [Float](repeating: 0, count: count)
    guard count > 0, outputGradient.count > 0 else { return Tensor(unchecked: kernelShape, result) }
    if Winograd.applies(to: p) {
        input.scalars.withUnsafeBufferPointer { x in
            outputGradient.scalars.withUnsafeBufferPointer { dy in
                result.withUnsafeMutableBufferPointer { dk in
                    Winograd.kernelGradient(p, input: x.baseAddress!, outputGradient: dy.baseAddress!, into: dk.baseAddress!,
                                            threads: threads)
                }
            }
        }
        return Tensor(unchecked: kernelShape, result)
    }
    let pixels = oh * ow
    let imagesPerChunk = Swift.max(1, Swift.min(p.layout.batch, ConvProblem.scratchLimit / (pixels * columns)))
    let (top, left, s, d) = (p.geometry.paddingTop, p.geometry.paddingLeft, p.stride, p.dilation)
    let (strideHeight, strideWidth, dilationHeight, dilationWidth) = (s.height, s.width, d.height, d.width)
    input.scalars.withUnsafeBufferPointer { xBuffer in
        outputGradient.scalars.withUnsafeBufferPointer { dyBuffer in
            result.withUnsafeMutableBufferPointer { resultBuffer in
                let (x, dy, dk) = (xBuffer.baseAddress!, dyBuffer.baseAddress!, resultBuffer.baseAddress!)
                Scratch.with(Float.self, count: imagesPerChunk * pixels * columns) { cols in
                    Scratch.with(Float.self, count: p.layout.batch > imagesPerChunk ? count : 0) { partial in
                        for first in Swift.stride(from: 0, to: p.layout.batch, by: imagesPerChunk) {
                            let images = Swift.min(imagesPerChunk, p.layout.batch - first)
                            let rows = images * pixels
                            // im2col: row (n, oy, ox) holds the pixel's window, tap (kh, kw) by tap,
                            // each tap its ci input values (zeros for padding); GEMM reads it
                            // transposed, eight columns at a time.
                            let shared = UncheckedSendable(cols)
                            let fillThreads = Swift.max(1, Swift.min(threads, rows * columns / (1 << 16)))
                            Parallel.forEach(parts: images * oh, threads: fillThreads) { part in
                                let cols = shared.value
                                let image = first + part / oh, oy = part % oh
                                let outputRow = cols + part * ow * columns
                                // Tap by tap along the output row: the input row is tested once per
                                // tap row, the column per pixel; one channel is a single store.
                                for kh in 0..<p.kernelHeight {
                                    let iy = oy * strideHeight - top + kh * dilationHeight
                                    let inside = iy >= 0 && iy < h
                                    let row = inside ? x + (image * h + iy) * w * ci : x
                                    for kw in 0..<p.kernelWidth {
                                        var target = outputRow + (kh * p.kernelWidth + kw) * ci
                                        var ix = kw * dilationWidth - left
                                        for _ in 0..<ow {
                                            let valid = inside && ix >= 0 && ix < w
                                            if ci == 1 {
                                                target.pointee = valid ? row[ix] : 0
                                            } else if valid {
                                                Lanes.copy(row + ix * ci, to: target, count: ci)
                                            } else {
                                                Lanes.clear(target, count: ci)
                                            }
                                            target += columns
                                            ix += strideWidth
                                        }
                                    }
                                }
                            }
                            let firstChunk = first == 0
                            GEMM.multiply(
                                m: columns, n: co, rows: TransposedRows(base: cols, ld: columns, m: columns, run: rows),
                                b: dy + first * pixels * co, ldb: co, c: firstChunk ? dk : partial, ldc: co, bias: nil, threads: threads)
                            if !firstChunk { Lanes.accumulate(partial, into: dk, count: count) }
                        }
                    }
                }
            }
        }
    }
    return Tensor(unchecked: kernelShape, result)
}

/// The gradient of a bias added per channel: `outputGradient` summed over every axis but the last,
/// accumulated in `Double` in row-major order and rounded to `Float`.
///
/// It is the bias gradient of `conv2d`, `depthwiseConv2d` and `dense`, and batch norm's β gradient.
/// - Returns: `[channels]`.
/// - Throws: `KernelsError` for a rank-0 tensor, which has no channel axis.
public func biasGradient(_ outputGradient: Tensor) throws -> Tensor {
    guard let channels = outputGradient.shape.last else {
        throw KernelsError("biasGradient: the output gradient needs a channel axis, not a scalar of shape []")
    }
    var sums = [Double](repeating: 0, count: channels)
    guard channels > 0 else { return Tensor([Float]()) }
    outputGradient.scalars.withUnsafeBufferPointer { dy in
        sums.withUnsafeMutableBufferPointer { sums in
            let rows = dy.count / channels
            var c = 0
            // Eight channels at a time in Double lanes: each sum still adds the rows in order.
            while c + 8 <= channels {
                var lanes = SIMD8<Double>()
                for row in 0..<rows {
                    let v = UnsafeRawPointer(dy.baseAddress! + row * channels + c).loadUnaligned(as: SIMD8<Float>.self)
                    lanes += SIMD8<Double>(v)
                }
                for j in 0..<8 { sums[c + j] = lanes[j] }
                c += 8
            }
            for row in 0..<rows {
                for j in c..<channels { sums[j] += Double(dy[row * channels + j]) }
            }
        }
    }
    return Tensor(sums.map { Float($0) })
}

/// The windows of a convolution seen from its input: which (tap, window) pairs land on a pixel.
struct WindowTaps {
    let kernelHeight: Int, kernelWidth: Int, stride: PerAxis, dilation: PerAxis
    let top: Int, left: Int, outputHeight: Int, outputWidth: Int

    /// Calls `body(kh, kw, oy, ox)` for every window (oy, ox) whose tap (kh, kw) lands on input
    /// pixel (y, x), in kh, kw order.
    @inline(__always)
    func forEach(reaching y: Int, _ x: Int, _ body: (Int, Int, Int, Int) -> Void) {
        for kh in 0..<kernelHeight {
            let rowOffset = y + top - kh * dilation.height
            guard rowOffset >= 0, rowOffset % stride.height == 0, rowOffset / stride.height < outputHeight else { continue }
            for kw in 0..<kernelWidth {
                let columnOffset = x + left - kw * dilation.width
                guard columnOffset >= 0, columnOffset % stride.width == 0, columnOffset / stride.width < outputWidth else {
                    continue
                }
                body(kh, kw, rowOffset / stride.height, columnOffset / stride.width)
            }
        }
    }
}

extension ConvProblem {
    /// Floats of im2col scratch one backward step may use (16 MiB); larger batches go in chunks.
    static let scratchLimit = 1 << 22

    /// The problem of a convolution (`kind`) of an input of `inputShape` with a kernel of
    /// `kernelShape`, checked against the shape of its output gradient; messages start with `operation`.
    init(
        _ kind: ConvOperation, _ operation: String, inputShape: [Int], kernelShape: [Int], outputGradient: Tensor,
        stride: PerAxis, padding: Padding, dilation: PerAxis
    ) throws {
        let layout = try ImageLayout(shape: inputShape, operation: operation)
        guard kernelShape.count == 4 else {
            throw KernelsError("\(operation): the kernel must be \(kind.kernelAxes), not shape \(kernelShape)")
        }
        guard kernelShape[2] == layout.channels else {
            throw KernelsError(
                "\(operation): the kernel \(kernelShape) expects \(kernelShape[2]) input channels but the input \(inputShape) has \(layout.channels)")
        }
        let geometry = try ConvGeometry(
            operation, input: layout, kernelHeight: kernelShape[0], kernelWidth: kernelShape[1],
            stride: stride, padding: padding, dilation: dilation, window: .kernel)
        let depth = kind.outputChannels(channels: layout.channels, last: kernelShape[3])
        let expected = layout.shape(height: geometry.outputHeight, width: geometry.outputWidth, channels: depth)
        try OpChecks.outputGradient(outputGradient, expected: expected, operation: operation)
        (self.layout, self.geometry) = (layout, geometry)
        (kernelHeight, kernelWidth, outputChannels) = (kernelShape[0], kernelShape[1], depth)
        (self.stride, self.dilation) = (stride, dilation)
        (outputShape, outputCount) = (expected, expected.reduce(1, *))
    }

    /// The windows that reach each input pixel.
    var windows: WindowTaps {
        WindowTaps(kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, dilation: dilation,
                   top: geometry.paddingTop, left: geometry.paddingLeft, outputHeight: outputHeight, outputWidth: outputWidth)
    }
}
