/// The im2col rows of a convolution, read in place from the padded image: row r is output pixel
/// r (batch, y, x in row-major order) and its base is the top-left input value of its window.
///
/// Layouts: image `[batch, paddedHeight, paddedWidth, channels]` (zeros already around it). With
/// dilation 1 a segment is one kernel row (kw·channels contiguous values); with dilation > 1 it
/// is one tap (channels values). Either way K is (kh, kw, channel), as in a `[kh, kw, ci, co]` kernel.
struct ConvRows: GEMMRows {
    let image: UnsafePointer<Float>
    let problem: ConvProblem
    let paddedHeight: Int, paddedWidth: Int
    let segmentOffsets: [Int]
    let run: Int
    var packsA: Bool { false }

    init(paddedImage image: UnsafePointer<Float>, problem p: ConvProblem) {
        self.image = image
        problem = p
        paddedHeight = p.layout.height + p.geometry.paddingTop + p.geometry.paddingBottom
        let paddedWidth = p.layout.width + p.geometry.paddingLeft + p.geometry.paddingRight
        self.paddedWidth = paddedWidth
        let c = p.inputChannels
        if p.dilation == 1 {
            segmentOffsets = (0..<p.kernelHeight).map { $0 * paddedWidth * c }
            run = p.kernelWidth * c
        } else {
            segmentOffsets = (0..<(p.kernelHeight * p.kernelWidth)).map { tap in
                (tap / p.kernelWidth * paddedWidth + tap % p.kernelWidth) * p.dilation * c
            }
            run = c
        }
    }

    func fillRowBases(rows: Range<Int>, count: Int, into bases: UnsafeMutablePointer<UnsafePointer<Float>>) {
        let p = problem
        let (oh, ow, c) = (p.outputHeight, p.outputWidth, p.inputChannels)
        var n = rows.lowerBound / (oh * ow)
        var y = rows.lowerBound / ow % oh
        var x = rows.lowerBound % ow
        for i in 0..<count {
            guard i < rows.count else {
                bases[i] = bases[0]
                continue
            }
            bases[i] = image + ((n * paddedHeight + y * p.stride) * paddedWidth + x * p.stride) * c
            x += 1
            if x == ow {
                x = 0
                y += 1
                if y == oh { y = 0; n += 1 }
            }
        }
    }

    /// Copies `input` `[batch, height, width, channels]` into `target` with the geometry's
    /// zero padding around every image.
    static func pad(_ input: UnsafePointer<Float>, problem p: ConvProblem, into target: UnsafeMutablePointer<Float>) {
        let g = p.geometry
        let (h, w, c) = (p.layout.height, p.layout.width, p.inputChannels)
        let paddedHeight = h + g.paddingTop + g.paddingBottom
        let paddedWidth = w + g.paddingLeft + g.paddingRight
        target.initialize(repeating: 0, count: p.layout.batch * paddedHeight * paddedWidth * c)
        for n in 0..<p.layout.batch {
            for y in 0..<h {
                let from = input + ((n * h + y) * w) * c
                let to = target + ((n * paddedHeight + y + g.paddingTop) * paddedWidth + g.paddingLeft) * c
                to.update(from: from, count: w * c)
            }
        }
    }
}
