//| label: sharing
let denseWeights = (32 * 32 * 3) * (30 * 30 * 16)
#expect(denseWeights == 44_236_800)
#expect(denseWeights / conv.parameterCount > 90_000)
denseWeights
