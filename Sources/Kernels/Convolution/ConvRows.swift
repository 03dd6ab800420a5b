import Threads
/// The im2col rows of a convolution, read in place from the padded image: row r is output pixel
/// r (batch, y, x in row-major order) and its base is the top-left input value of its window.
///
/// Layouts: image `[batch, paddedHeight, paddedWidth, pixelStride]` with the channels first in
/// each pixel and zeros around the image. When pixels are packed (`pixelStride` = channels)
/// and dilation is 1, a segment is one kernel row (kw·channels contiguous values); otherwise it
/// is one tap (channels values). Either way K is (kh, kw, channel), as in a `[kh, kw, ci, co]` kernel.
struct ConvRows: GEMMRows {
    let image: UnsafePointer<Float>
    let problem: ConvProblem
    let paddedHeight: Int, paddedWidth: Int
    let pixelStride: Int
    let segmentOffsets: [Int]
    let run: Int
    var packsA: Bool { false }

    /// The distance between pixels of the copy `conv2d` reads from: the channel count, except
    /// that pixels a multiple of 2 KiB apart would make a micro-tile's 8 rows share L1 cache
    /// sets with the B panel (and evict it), so those get 16 more values.
    static func pixelStride(channels: Int) -> Int {
        channels >= 512 && channels % 512 == 0 ? channels + 16 : channels
    }

    init(paddedImage image: UnsafePointer<Float>, problem p: ConvProblem, pixelStride: Int) {
        self.image = image
        problem = p
        self.pixelStride = pixelStride
        paddedHeight = p.layout.height + p.geometry.paddingTop + p.geometry.paddingBottom
        let paddedWidth = p.layout.width + p.geometry.paddingLeft + p.geometry.paddingRight
        self.paddedWidth = paddedWidth
        let c = p.inputChannels
        if p.dilation == 1 && pixelStride == c {
            segmentOffsets = (0..<p.kernelHeight).map { $0 * paddedWidth * c }
            run = p.kernelWidth * c
        } else {
            segmentOffsets = (0..<(p.kernelHeight * p.kernelWidth)).map { tap in
                (tap / p.kernelWidth * p.dilation.height * paddedWidth + tap % p.kernelWidth * p.dilation.width) * pixelStride
            }
            run = c
        }
    }

    func fillRowBases(rows: Range<Int>, count: Int, into bases: UnsafeMutablePointer<UnsafePointer<Float>>) {
        let (oh, ow, stride) = (problem.outputHeight, problem.outputWidth, problem.stride)
        let step = stride.width * pixelStride
        var row = rows.lowerBound
        var filled = 0
        while row < rows.upperBound {
            // One run of pixels along an output row: their windows start `step` values apart.
            let n = row / (oh * ow), y = row / ow % oh, x = row % ow
            let length = Swift.min(ow - x, rows.upperBound - row)
            var base = image + ((n * paddedHeight + y * stride.height) * paddedWidth + x * stride.width) * pixelStride
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
    /// zero padding around every image and `pixelStride` values per pixel, padded rows shared
    /// between up to `threads` threads.
    static func pad(
        _ input: UnsafePointer<Float>, problem p: ConvProblem, pixelStride: Int, into target: UnsafeMutablePointer<Float>,
        threads: Int
    ) {
        let g = p.geometry
        let (h, w, c) = (p.layout.height, p.layout.width, p.inputChannels)
        let paddedHeight = h + g.paddingTop + g.paddingBottom
        let paddedWidth = w + g.paddingLeft + g.paddingRight
        let rowCount = paddedWidth * pixelStride
        let shared = UncheckedSendable((input, target))
        let rows = p.layout.batch * paddedHeight
        let threads = Swift.max(1, Swift.min(threads, rows * rowCount / (1 << 15)))
        // A few runs of rows per thread: a part per row would cost more to claim than to copy.
        Parallel.forEach(sharesOf: 0..<rows, parts: Swift.min(rows, 4 * threads), threads: threads) { share in
            let (input, target) = shared.value
            for row in share {
                let (n, py) = (row / paddedHeight, row % paddedHeight)
                let to = target + row * rowCount
                let y = py - g.paddingTop
                guard y >= 0 && y < h else {
                    to.update(repeating: 0, count: rowCount)
                    continue
                }
                let from = input + ((n * h + y) * w) * c
                Lanes.clear(to, count: g.paddingLeft * pixelStride)
                if pixelStride == c {
                    (to + g.paddingLeft * c).update(from: from, count: w * c)
                } else {
                    for x in 0..<w {
                        let pixel = to + (g.paddingLeft + x) * pixelStride
                        Lanes.copy(from + x * c, to: pixel, count: c)
                        Lanes.clear(pixel + c, count: pixelStride - c)
                    }
                }
                Lanes.clear(to + (g.paddingLeft + w) * pixelStride, count: g.paddingRight * pixelStride)
            }
        }
    }
}
