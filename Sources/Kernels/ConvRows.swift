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
        let (oh, ow, c, stride) = (problem.outputHeight, problem.outputWidth, problem.inputChannels, problem.stride)
        let step = stride * c
        var row = rows.lowerBound
        var filled = 0
        while row < rows.upperBound {
            // One run of pixels along an output row: their windows start `step` values apart.
            let n = row / (oh * ow), y = row / ow % oh, x = row % ow
            let length = Swift.min(ow - x, rows.upperBound - row)
            var base = image + ((n * paddedHeight + y * stride) * paddedWidth + x * stride) * c
            for i in filled..<(filled + length) {
                bases[i] = base
                base += step
            }
            filled += length
            row += length
        }
        for i in filled..<count { bases[i] = bases[0] }
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
