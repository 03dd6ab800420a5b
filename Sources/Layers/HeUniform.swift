import Kernels

/// He-uniform initialisation (He et al. 2015, Keras's `he_uniform`): uniform in [−limit, limit) with
/// limit = √(6 / fan_in), drawn by `Tensor.randomUniform`.
enum HeUniform {
    /// The bound for `fanIn` inputs per output.
    static func limit(fanIn: Int) -> Float {
        // Double, then one rounding to Float: squareRoot is exact IEEE, so every machine agrees.
        Float((6.0 / Double(fanIn)).squareRoot())
    }

    /// Weights of `shape` for `fanIn` inputs per output, drawn with `seed`, for a layer of `kind`.
    static func weights(_ shape: [Int], fanIn: Int, seed: UInt64, kind: String) throws -> Tensor {
        let bound = limit(fanIn: fanIn)
        return try rethrowingAsLayersError(kind) {
            try Tensor.randomUniform(shape, low: -bound, high: bound, seed: seed)
        }
    }
}
