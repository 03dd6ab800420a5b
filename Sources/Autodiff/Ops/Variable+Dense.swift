import Kernels
import Threads

/// `dense` on variables; gradients flow to the input, the weights and the bias, each a GEMM (see
/// `denseInputGradient`, `denseWeightsGradient`, `biasGradient`).
/// - Throws: what `dense` throws.
public func dense(_ input: Variable, _ weights: Variable, bias: Variable? = nil, threads: Int = Parallel.coreCount) throws -> Variable {
    let (x, w) = (input.value, weights.value)
    let y = try dense(x, w, bias: bias?.value, threads: threads)
    return try Variable.result(y, of: "dense", [input, weights] + (bias.map { [$0] } ?? [])) { dy, wanted in
        [
            wanted[0] ? try denseInputGradient(dy, weights: w, threads: threads) : nil,
            wanted[1] ? try denseWeightsGradient(dy, input: x, threads: threads) : nil,
        ] + (wanted.count > 2 ? [wanted[2] ? try biasGradient(dy) : nil] : [])
    }
}

/// `matmul` on variables: for C = A·B, ∂A = ∂C·Bᵀ and ∂B = Aᵀ·∂C, each a GEMM.
/// - Throws: what `matmul` throws.
public func matmul(_ a: Variable, _ b: Variable, threads: Int = Parallel.coreCount) throws -> Variable {
    let (x, y) = (a.value, b.value)
    return try Variable.result(try matmul(x, y, threads: threads), of: "matmul", [a, b]) { dc, wanted in
        [
            wanted[0] ? try matmul(dc, y.transposed(), threads: threads) : nil,
            wanted[1] ? try matmul(x.transposed(), dc, threads: threads) : nil,
        ]
    }
}
