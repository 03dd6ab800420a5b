import Kernels

/// Plain loops, written once here and never optimised: what the optimised ops must equal.
///
/// Each output is accumulated exactly as the ops document (fused multiply-adds from +0 in
/// kh, kw, ci order, padding skipped, then the bias added), so results compare bit for bit.
enum ReferenceOps {
    /// Output size and paddings of one axis, computed here from the formula, not by `ConvGeometry`.
    static func axis(_ size: Int, kernel: Int, stride: Int, padding: Padding, dilation: Int) -> (out: Int, before: Int) {
        let effective = (kernel - 1) * dilation + 1
        switch padding {
        case .valid: return ((size - effective) / stride + 1, 0)
        case .explicit(let p): return ((size + 2 * p - effective) / stride + 1, p)
        case .same:
            let out = (size + stride - 1) / stride
            let total = max((out - 1) * stride + effective - size, 0)
            return (out, total / 2)
        case .sides:
            preconditionFailure("the reference loops take one padding for all sides; per-side padding has PyTorch's vectors")
        }
    }

    /// conv2d on `[n, h, w, ci]` with kernel `[kh, kw, ci, co]`.
    static func conv2d(_ x: Tensor, _ k: Tensor, bias: Tensor?, stride: Int, padding: Padding, dilation: Int) -> Tensor {
        let (n, h, w, ci) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (kh, kw, co) = (k.shape[0], k.shape[1], k.shape[3])
        let (oh, top) = axis(h, kernel: kh, stride: stride, padding: padding, dilation: dilation)
        let (ow, left) = axis(w, kernel: kw, stride: stride, padding: padding, dilation: dilation)
        var y = [Float](repeating: 0, count: n * oh * ow * co)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for o in 0..<co {
            var sum: Float = 0
            for a in 0..<kh { for c in 0..<kw {
                let iy = oy * stride - top + a * dilation, ix = ox * stride - left + c * dilation
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                for i in 0..<ci {
                    sum = sum.addingProduct(x.scalars[((b * h + iy) * w + ix) * ci + i], k.scalars[((a * kw + c) * ci + i) * co + o])
                }
            } }
            y[((b * oh + oy) * ow + ox) * co + o] = bias.map { sum + $0.scalars[o] } ?? sum
        } } } }
        return try! Tensor(shape: [n, oh, ow, co], scalars: y)
    }

    /// depthwiseConv2d on `[n, h, w, c]` with kernel `[kh, kw, c, m]`.
    static func depthwise(_ x: Tensor, _ k: Tensor, bias: Tensor?, stride: Int, padding: Padding, dilation: Int) -> Tensor {
        let (n, h, w, ch) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (kh, kw, m) = (k.shape[0], k.shape[1], k.shape[3])
        let (oh, top) = axis(h, kernel: kh, stride: stride, padding: padding, dilation: dilation)
        let (ow, left) = axis(w, kernel: kw, stride: stride, padding: padding, dilation: dilation)
        var y = [Float](repeating: 0, count: n * oh * ow * ch * m)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for c in 0..<ch { for j in 0..<m {
            var sum: Float = 0
            for a in 0..<kh { for d in 0..<kw {
                let iy = oy * stride - top + a * dilation, ix = ox * stride - left + d * dilation
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                sum = sum.addingProduct(x.scalars[((b * h + iy) * w + ix) * ch + c], k.scalars[((a * kw + d) * ch + c) * m + j])
            } }
            let o = c * m + j
            y[((b * oh + oy) * ow + ox) * ch * m + o] = bias.map { sum + $0.scalars[o] } ?? sum
        } } } } }
        return try! Tensor(shape: [n, oh, ow, ch * m], scalars: y)
    }

    /// Max or average pooling on `[n, h, w, c]`; the average sums real values in window order.
    static func pool(_ x: Tensor, size: Int, stride: Int, padding: Padding, max isMax: Bool) -> Tensor {
        let (n, h, w, ch) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (oh, top) = axis(h, kernel: size, stride: stride, padding: padding, dilation: 1)
        let (ow, left) = axis(w, kernel: size, stride: stride, padding: padding, dilation: 1)
        var y = [Float](repeating: 0, count: n * oh * ow * ch)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for c in 0..<ch {
            var largest = -Float.infinity, sum: Float = 0, count = 0
            for a in 0..<size { for d in 0..<size {
                let iy = oy * stride - top + a, ix = ox * stride - left + d
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                let v = x.scalars[((b * h + iy) * w + ix) * ch + c]
                largest = Swift.max(largest, v)
                sum += v
                count += 1
            } }
            y[((b * oh + oy) * ow + ox) * ch + c] = isMax ? largest : sum / Float(count)
        } } } }
        return try! Tensor(shape: [n, oh, ow, ch], scalars: y)
    }

    /// `[m, k]·[k, n]` (+ bias per column).
    static func matmul(_ a: Tensor, _ b: Tensor, bias: Tensor? = nil) -> Tensor {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var y = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var sum: Float = 0
            for p in 0..<k { sum = sum.addingProduct(a.scalars[i * k + p], b.scalars[p * n + j]) }
            y[i * n + j] = bias.map { sum + $0.scalars[j] } ?? sum
        } }
        return try! Tensor(shape: [m, n], scalars: y)
    }
}

/// The exact bits of a tensor's elements, for bit-identity checks.
func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }
