import Threads
/// Convolution straight from the unpadded image with bounds checks: for the rare geometry whose
/// padded copy would be much larger than the image itself (huge padding with a huge stride).
///
/// Layouts: input `[n, h, w, ci]`, kernel `[kh, kw, ci, co]`, output `[n, oh, ow, co]`. Each
/// output is summed with fused multiply-adds in kh, kw, ci order, padding skipped, then the
/// bias added, exactly as `GEMM` does.
enum DirectConv {
    /// Writes every output; rows of output pixels are shared between `threads`.
    static func run(
        _ p: ConvProblem, input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: [Float]?,
        output: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let (h, w, ci, co) = (p.layout.height, p.layout.width, p.inputChannels, p.outputChannels)
        let (oh, ow) = (p.outputHeight, p.outputWidth)
        let (top, left) = (p.geometry.paddingTop, p.geometry.paddingLeft)
        let shared = UncheckedSendable((input, kernel, output, bias))
        Parallel.forEach(parts: p.layout.batch * oh, threads: threads) { row in
            let (input, kernel, output, bias) = shared.value
            let n = row / oh, y = row % oh
            let rows = validTaps(from: y * p.stride.height - top, size: h, taps: p.kernelHeight, dilation: p.dilation.height)
            for x in 0..<ow {
                let columns = validTaps(from: x * p.stride.width - left, size: w, taps: p.kernelWidth, dilation: p.dilation.width)
                let out = output + ((n * oh + y) * ow + x) * co
                out.update(repeating: 0, count: co)
                for kh in rows {
                    let iy = y * p.stride.height - top + kh * p.dilation.height
                    for kw in columns {
                        let ix = x * p.stride.width - left + kw * p.dilation.width
                        let pixel = input + ((n * h + iy) * w + ix) * ci
                        let taps = kernel + (kh * p.kernelWidth + kw) * ci * co
                        for c in 0..<ci {
                            for o in 0..<co { out[o] = out[o].addingProduct(pixel[c], taps[c * co + o]) }
                        }
                    }
                }
                if let bias {
                    for o in 0..<co { out[o] += bias[o] }
                }
            }
        }
    }
}
