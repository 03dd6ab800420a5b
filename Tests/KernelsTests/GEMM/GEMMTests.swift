import Testing
@testable import Kernels

@Suite struct GEMMTests {
    /// C = A·B with A read through `rows`, against a plain loop in `Double` and against the same
    /// product with A stored row-major: the transposed operand changes where A is read, not the sums.
    @Test(arguments: [(5, 300, 20), (8, 37, 16), (9, 600, 70), (144, 1024, 32), (21, 3, 130)])
    func aTransposedOperandGivesTheBitsOfTheRowMajorOne(m: Int, k: Int, n: Int) throws {
        let a = try Tensor.randomUniform([m, k], low: -1, high: 1, seed: 1)
        let stored = try a.transposed()  // [k, m]: what TransposedRows reads
        let b = try Tensor.randomUniform([k, n], low: -1, high: 1, seed: 2)
        for threads in [1, 2] {
            let rowMajor = multiply(m: m, n: n, b: b, threads: threads) { body in
                a.scalars.withUnsafeBufferPointer { body(MatrixRows(base: $0.baseAddress!, ld: k, run: k)) }
            }
            let transposed = multiply(m: m, n: n, b: b, threads: threads) { body in
                stored.scalars.withUnsafeBufferPointer { body(TransposedRows(base: $0.baseAddress!, ld: m, m: m, run: k)) }
            }
            #expect(transposed.map(\.bitPattern) == rowMajor.map(\.bitPattern))
            for (index, value) in transposed.enumerated() {
                let (i, j) = (index / n, index % n)
                let exact = (0..<k).reduce(0.0) { $0 + Double(a.scalars[i * k + $1]) * Double(b.scalars[$1 * n + j]) }
                #expect(abs(Double(value) - exact) <= 1e-4 * Double(k))
            }
        }
    }

    private func multiply<Rows: GEMMRows>(
        m: Int, n: Int, b: Tensor, threads: Int, _ withRows: ((Rows) -> Void) -> Void
    ) -> [Float] {
        var c = [Float](repeating: .nan, count: m * n)
        withRows { rows in
            b.scalars.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    GEMM.multiply(m: m, n: n, rows: rows, b: b.baseAddress!, ldb: n, c: c.baseAddress!, ldc: n,
                                  bias: nil, threads: threads)
                }
            }
        }
        return c
    }
}
