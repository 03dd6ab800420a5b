import Glibc

/// Sixteen bytes of a row, the unit the filters work on.
private typealias Bytes = SIMD16<UInt8>

extension PNG {
    /// Writes each row, prefixed by its filter type, into `out` ((width·3 + 1)·height bytes) and
    /// returns the Adler-32 of what it wrote.
    ///
    /// The filter is the one of None, Sub, Up, Average and Paeth that gives the smallest sum of
    /// absolute residuals, as libpng's heuristic does, the first of them on a tie; a repeated row
    /// takes Up at once.
    static func filterRows(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int,
                           into out: UnsafeMutablePointer<UInt8>) -> UInt32 {
        let stride = width * 3
        // Filtered rows are copied behind 16 zero bytes and padded to whole 16-byte chunks: the
        // left neighbours of the first pixel read as zero, as PNG wants, and every load is in
        // bounds. The padding is never written, so it stays zero.
        let padded = 16 + (stride + 15) / 16 * 16
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 3 * padded)
        defer { scratch.deallocate() }
        scratch.initialize(repeating: 0, count: 3 * padded)
        let current = scratch + 16, above = scratch + padded + 16, residuals = scratch + 2 * padded
        var adler = Adler32()
        for y in 0..<height {
            let row = pixels + y * stride, target = out + y * (stride + 1)
            // Above the first row PNG sees zeros, which `above` still holds then.
            let rowAbove = y > 0 ? pixels + (y - 1) * stride : UnsafePointer(above)
            if memcmp(row, rowAbove, stride) == 0 {
                target[0] = 2  // Up: all zeros
                target.successor().update(repeating: 0, count: stride)
                adler.update(2)
                adler.update(zeros: stride)
                continue
            }
            current.update(from: row, count: stride)
            if y > 0 { above.update(from: rowAbove, count: stride) }
            let filter = bestFilter(current, above, count: stride)
            var x = 0
            while x < stride {
                let chunk = Chunk(current, above, at: x)
                UnsafeMutableRawPointer(residuals + x).storeBytes(of: chunk.residuals(filter), as: Bytes.self)
                x += 16
            }
            target[0] = filter
            target.successor().update(from: residuals, count: stride)
            adler.update(UnsafeBufferPointer(start: target, count: stride + 1))
        }
        return adler.value
    }

    /// The first of the five filters with the smallest sum of absolute residuals over the row.
    private static func bestFilter(_ row: UnsafePointer<UInt8>, _ above: UnsafePointer<UInt8>, count: Int) -> UInt8 {
        var scores = FilterScores()
        var x = 0
        while x + 16 <= count {
            scores.add(Chunk(row, above, at: x), keeping: Bytes(repeating: 0xFF))
            x += 16
        }
        if x < count {
            let lanes = Bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
            let keep = Bytes().replacing(with: 0xFF, where: lanes .< Bytes(repeating: UInt8(count - x)))
            scores.add(Chunk(row, above, at: x), keeping: keep)
        }
        return scores.best
    }
}

/// The sums of absolute residuals of the five filters, taken sixteen bytes at a time.
private struct FilterScores {
    private var totals = SIMD8<Int>()
    // Each 16-bit lane gains at most 2·128 per chunk: 255 chunks cannot overflow it.
    private var none = SIMD8<UInt16>(), sub = SIMD8<UInt16>(), up = SIMD8<UInt16>()
    private var average = SIMD8<UInt16>(), paeth = SIMD8<UInt16>()
    private var chunks = 0

    /// The first filter with the smallest sum.
    var best: UInt8 {
        mutating get {
            flush()
            var best = 0
            for filter in 1..<5 where totals[filter] < totals[best] { best = filter }
            return UInt8(best)
        }
    }

    /// Adds the chunk's residuals, those of lanes outside `keep` (0 or 0xFF each) as zero.
    @inline(__always)
    mutating func add(_ chunk: Chunk, keeping keep: Bytes) {
        none &+= Self.magnitudes(chunk.row & keep)
        sub &+= Self.magnitudes((chunk.row &- chunk.a) & keep)
        up &+= Self.magnitudes((chunk.row &- chunk.b) & keep)
        average &+= Self.magnitudes((chunk.row &- chunk.average) & keep)
        paeth &+= Self.magnitudes((chunk.row &- chunk.paeth) & keep)
        chunks += 1
        if chunks == 255 { flush() }
    }

    private mutating func flush() {
        for lane in 0..<8 {
            totals &+= SIMD8(Int(none[lane]), Int(sub[lane]), Int(up[lane]), Int(average[lane]), Int(paeth[lane]), 0, 0, 0)
        }
        none = .zero
        sub = .zero
        up = .zero
        average = .zero
        paeth = .zero
        chunks = 0
    }

    /// |r| for each residual r read as a signed byte (−128 counts 128), added up in pairs.
    @inline(__always)
    private static func magnitudes(_ residuals: Bytes) -> SIMD8<UInt16> {
        let pairs = unsafeBitCast(minimum(residuals, 0 &- residuals), to: SIMD8<UInt16>.self)
        return (pairs & 0xFF) &+ (pairs &>> 8)
    }
}

/// Sixteen bytes of a row with their left (a), upper (b) and upper-left (c) neighbours, as PNG's
/// filters name them.
private struct Chunk {
    let row: Bytes, a: Bytes, b: Bytes, c: Bytes

    /// Reads at byte `x` of rows that have zeros before their first byte.
    @inline(__always)
    init(_ row: UnsafePointer<UInt8>, _ above: UnsafePointer<UInt8>, at x: Int) {
        self.row = UnsafeRawPointer(row + x).loadUnaligned(as: Bytes.self)
        a = UnsafeRawPointer(row + x - 3).loadUnaligned(as: Bytes.self)
        b = UnsafeRawPointer(above + x).loadUnaligned(as: Bytes.self)
        c = UnsafeRawPointer(above + x - 3).loadUnaligned(as: Bytes.self)
    }

    /// The residuals (modulo 256) of filter 0...4: None, Sub, Up, Average, Paeth.
    @inline(__always)
    func residuals(_ filter: UInt8) -> Bytes {
        switch filter {
        case 0: row
        case 1: row &- a
        case 2: row &- b
        case 3: row &- average
        default: row &- paeth
        }
    }

    /// ⌊(a + b) / 2⌋, without overflowing a byte.
    var average: Bytes {
        @inline(__always) get { (a & b) &+ ((a ^ b) &>> 1) }
    }

    /// Paeth's predictor: of a, b and c, the nearest to a + b − c, preferring a, then b.
    var paeth: Bytes {
        @inline(__always) get {
            // With p = a + b − c: |p − a| = |b − c| and |p − b| = |a − c|; |p − c| = |(b − c) + (a − c)|
            // is their sum when a and b lie on the same side of c, else their difference. A sum past
            // 255 saturates, which keeps both comparisons with it true.
            let pa = distance(b, c), pb = distance(a, c)
            let sameSide = .!((b .>= c) .^ (a .>= c))
            let pc = distance(pa, pb).replacing(with: pa &+ minimum(pb, ~pa), where: sameSide)
            var predicted = c.replacing(with: b, where: pb .<= pc)
            predicted.replace(with: a, where: (pa .<= pb) .& (pa .<= pc))
            return predicted
        }
    }
}

@inline(__always)
private func minimum(_ x: Bytes, _ y: Bytes) -> Bytes {
    x.replacing(with: y, where: y .< x)
}

/// |x − y| of each lane.
@inline(__always)
private func distance(_ x: Bytes, _ y: Bytes) -> Bytes {
    x.replacing(with: y, where: x .< y) &- minimum(x, y)
}
