/// Single-precision matrix multiply C = A·B (+ bias per column), every output accumulated over
/// K in order 0, 1, …, K − 1 with fused multiply-adds starting from +0, then the bias added.
///
/// Layouts (row-major, with leading dimensions): A `[m, k]`, B `[k, n]`, C `[m, n]`. The fixed
/// order makes the result independent of blocking, vector width and thread count.
enum GEMM {
    /// C = A·B (+ bias); rows of C are shared between `threads`.
    static func multiply(
        m: Int, n: Int, k: Int,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?, threads: Int
    ) {
        let shared = UncheckedSendable((a, b, c, bias))
        Parallel.forEach(parts: m, threads: threads) { i in
            let (a, b, c, bias) = shared.value
            let row = c + i * ldc
            for j in 0..<n { row[j] = 0 }
            for p in 0..<k {
                let value = a[i * lda + p]
                let weights = b + p * ldb
                for j in 0..<n { row[j] = row[j].addingProduct(value, weights[j]) }
            }
            if let bias {
                for j in 0..<n { row[j] += bias[j] }
            }
        }
    }
}
