/// Convolution straight from the image, one output pixel at a time, vectorised over output channels.
///
/// Layouts: input `[n, h, w, ci]`, kernel `[kh, kw, ci, co]`, output `[n, oh, ow, co]`.
enum ConvDirect {
    /// Writes every output; rows of output pixels are shared between `threads`.
    static func run(
        _ p: ConvProblem, input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: [Float]?,
        output: UnsafeMutablePointer<Float>, threads: Int
    ) {
        let (h, w, ci, co) = (p.layout.height, p.layout.width, p.inputChannels, p.outputChannels)
        let (oh, ow) = (p.outputHeight, p.outputWidth)
        let (top, left) = (p.geometry.paddingTop, p.geometry.paddingLeft)
        let shared = UncheckedSendable((input, kernel, output))
        Parallel.forEach(parts: p.layout.batch * oh, threads: threads) { row in
            let (input, kernel, output) = shared.value
            let n = row / oh
            let y = row % oh
            for x in 0..<ow {
                let out = output + ((n * oh + y) * ow + x) * co
                for c in 0..<co { out[c] = 0 }
                for kh in 0..<p.kernelHeight {
                    let iy = y * p.stride - top + kh * p.dilation
                    guard iy >= 0, iy < h else { continue }
                    for kw in 0..<p.kernelWidth {
                        let ix = x * p.stride - left + kw * p.dilation
                        guard ix >= 0, ix < w else { continue }
                        let pixel = input + ((n * h + iy) * w + ix) * ci
                        let taps = kernel + (kh * p.kernelWidth + kw) * ci * co
                        for c in 0..<ci {
                            let value = pixel[c]
                            let weights = taps + c * co
                            for o in 0..<co { out[o] = out[o].addingProduct(value, weights[o]) }
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
