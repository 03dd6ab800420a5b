//| label: batch-norm
let batch = Tensor.randomNormal([16, 8, 8, 4], seed: 21, mean: 3, standardDeviation: 2)
let norm = BatchNorm()
let normalised = norm(batch, training: true)
for channel in 0..<4 {
    let values = normalised[0..<16, 0..<8, 0..<8, channel]
    #expect(abs(values.mean()) < 1e-4)
    #expect(abs((values * values).mean() - 1) < 1e-2)
}
#expect(norm.parameterCount == 16)              // γ, β, running mean and variance, 4 channels each
#expect(norm.trainableParameterCount == 8)      // only γ and β are learned
