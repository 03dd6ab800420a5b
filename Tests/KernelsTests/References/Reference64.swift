import Foundation
import Kernels

/// Forward ops in `Double`, plain loops written once here, for finite differences: the backward
/// kernels are checked against ∂⟨f(x), dy⟩/∂x computed from these by central differences.
///
/// Arrays are row-major `[Double]` with the layouts of the ops (`[n, h, w, c]`, `[kh, kw, ci, co]`).
enum Reference64 {
    static func conv2d(
        _ x: [Double], _ xShape: [Int], _ k: [Double], _ kShape: [Int], bias: [Double]?,
        stride: Int, padding: Padding, dilation: Int
    ) -> [Double] {
        let (n, h, w, ci) = (xShape[0], xShape[1], xShape[2], xShape[3])
        let (kh, kw, co) = (kShape[0], kShape[1], kShape[3])
        let (oh, top) = ReferenceOps.axis(h, kernel: kh, stride: stride, padding: padding, dilation: dilation)
        let (ow, left) = ReferenceOps.axis(w, kernel: kw, stride: stride, padding: padding, dilation: dilation)
        var y = [Double](repeating: 0, count: n * oh * ow * co)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for o in 0..<co {
            var sum = bias?[o] ?? 0
            for a in 0..<kh { for c in 0..<kw {
                let iy = oy * stride - top + a * dilation, ix = ox * stride - left + c * dilation
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                for i in 0..<ci { sum += x[((b * h + iy) * w + ix) * ci + i] * k[((a * kw + c) * ci + i) * co + o] }
            } }
            y[((b * oh + oy) * ow + ox) * co + o] = sum
        } } } }
        return y
    }

    static func depthwise(
        _ x: [Double], _ xShape: [Int], _ k: [Double], _ kShape: [Int], stride: Int, padding: Padding, dilation: Int
    ) -> [Double] {
        let (n, h, w, ch) = (xShape[0], xShape[1], xShape[2], xShape[3])
        let (kh, kw, m) = (kShape[0], kShape[1], kShape[3])
        let (oh, top) = ReferenceOps.axis(h, kernel: kh, stride: stride, padding: padding, dilation: dilation)
        let (ow, left) = ReferenceOps.axis(w, kernel: kw, stride: stride, padding: padding, dilation: dilation)
        var y = [Double](repeating: 0, count: n * oh * ow * ch * m)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for c in 0..<ch { for j in 0..<m {
            var sum = 0.0
            for a in 0..<kh { for d in 0..<kw {
                let iy = oy * stride - top + a * dilation, ix = ox * stride - left + d * dilation
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                sum += x[((b * h + iy) * w + ix) * ch + c] * k[((a * kw + d) * ch + c) * m + j]
            } }
            y[((b * oh + oy) * ow + ox) * ch * m + c * m + j] = sum
        } } } } }
        return y
    }

    /// Max or average (of the real values) pooling.
    static func pool(_ x: [Double], _ shape: [Int], size: Int, stride: Int, padding: Padding, max isMax: Bool) -> [Double] {
        let (n, h, w, ch) = (shape[0], shape[1], shape[2], shape[3])
        let (oh, top) = ReferenceOps.axis(h, kernel: size, stride: stride, padding: padding, dilation: 1)
        let (ow, left) = ReferenceOps.axis(w, kernel: size, stride: stride, padding: padding, dilation: 1)
        var y = [Double](repeating: 0, count: n * oh * ow * ch)
        for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow { for c in 0..<ch {
            var largest = -Double.infinity, sum = 0.0, count = 0
            for a in 0..<size { for d in 0..<size {
                let iy = oy * stride - top + a, ix = ox * stride - left + d
                guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                let v = x[((b * h + iy) * w + ix) * ch + c]
                largest = Swift.max(largest, v)
                sum += v
                count += 1
            } }
            y[((b * oh + oy) * ow + ox) * ch + c] = isMax ? largest : sum / Double(count)
        } } } }
        return y
    }

    static func globalAverage(_ x: [Double], _ shape: [Int]) -> [Double] {
        let (n, pixels, ch) = (shape[0], shape[1] * shape[2], shape[3])
        return (0..<(n * ch)).map { i in
            (0..<pixels).reduce(0.0) { $0 + x[((i / ch) * pixels + $1) * ch + i % ch] } / Double(pixels)
        }
    }

    /// `[m, k]·[k, n]`.
    static func matmul(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        (0..<(m * n)).map { i in (0..<k).reduce(0.0) { $0 + a[i / n * k + $1] * b[$1 * n + i % n] } }
    }

    static func softmax(_ x: [Double], length: Int) -> [Double] {
        var y = x
        for row in 0..<(x.count / length) {
            let values = x[(row * length)..<((row + 1) * length)]
            let largest = values.max()!
            let exps = values.map { Foundation.exp($0 - largest) }
            let sum = exps.reduce(0, +)
            for (j, e) in exps.enumerated() { y[row * length + j] = e / sum }
        }
        return y
    }

    /// Batch norm over the last axis with the given statistics, or the batch's own (population
    /// variance) when `mean` is nil.
    static func batchNorm(
        _ x: [Double], channels: Int, mean: [Double]?, variance: [Double]?, gamma: [Double], beta: [Double], epsilon: Double
    ) -> [Double] {
        let rows = x.count / channels
        let means = mean ?? (0..<channels).map { c in (0..<rows).reduce(0.0) { $0 + x[$1 * channels + c] } / Double(rows) }
        let variances = variance ?? (0..<channels).map { c in
            (0..<rows).reduce(0.0) { $0 + (x[$1 * channels + c] - means[c]) * (x[$1 * channels + c] - means[c]) } / Double(rows)
        }
        return x.indices.map { i in
            let c = i % channels
            return (x[i] - means[c]) / (variances[c] + epsilon).squareRoot() * gamma[c] + beta[c]
        }
    }

    static func meanSquaredError(_ p: [Double], _ t: [Double]) -> Double {
        zip(p, t).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(p.count)
    }

    static func crossEntropy(_ logits: [Double], labels: [Int], classes: Int) -> Double {
        var total = 0.0
        for (row, label) in labels.enumerated() {
            let values = logits[(row * classes)..<((row + 1) * classes)]
            let largest = values.max()!
            let sum = values.reduce(0.0) { $0 + Foundation.exp($1 - largest) }
            total += largest + Foundation.log(sum) - logits[row * classes + label]
        }
        return total / Double(labels.count)
    }
}

/// Central differences of ⟨f(x), dy⟩ in `Double`.
enum FiniteDifferences {
    /// ∂⟨f(x), dy⟩/∂xᵢ ≈ (⟨f(x + h·eᵢ), dy⟩ − ⟨f(x − h·eᵢ), dy⟩) / 2h for every i.
    static func gradient(_ f: ([Double]) -> [Double], at x: [Double], dy: [Double], h: Double = 1e-5) -> [Double] {
        var point = x
        return x.indices.map { i in
            point[i] = x[i] + h
            let plus = zip(f(point), dy).reduce(0.0) { $0 + $1.0 * $1.1 }
            point[i] = x[i] - h
            let minus = zip(f(point), dy).reduce(0.0) { $0 + $1.0 * $1.1 }
            point[i] = x[i]
            return (plus - minus) / (2 * h)
        }
    }
}

/// Whether every |actual − expected| ≤ tolerance·max(1, |expected|), with the shapes equal.
func isClose(_ actual: Tensor, _ expected: [Double], shape: [Int], tolerance: Double = 1e-4) -> Bool {
    actual.shape == shape && actual.count == expected.count && zip(actual.scalars, expected).allSatisfy { a, e in
        abs(Double(a) - e) <= tolerance * max(1, abs(e))
    }
}

extension Tensor {
    /// The elements widened to `Double`.
    var doubles: [Double] { scalars.map(Double.init) }
}
