//| label: mlp
let mlp = Sequential(input: [28, 28, 1]) {
    Flatten()
    Dense(128)
    ReLU()
    Dense(10)
}
#expect(mlp.parameterCount == 784 * 128 + 128 + 128 * 10 + 10)
#summary(mlp, input: [28, 28, 1])

// ---
//| label: one-pixel
// A 28×28 image with a bright 6×6 square, and the same square one pixel to the right.
var pixels: [Double] = []
for row in 0..<28 {
    for column in 0..<28 {
        pixels.append(row >= 10 && row < 16 && column >= 10 && column < 16 ? 1.0 : 0.0)
    }
}
let square = Tensor(shape: [28, 28, 1], scalars: pixels)
let moved = square.shifted(by: [0, 1])
let a = flatten(square)
let b = flatten(moved)
let changed = ((a - b) * (a - b)).sum()
#expect(changed == 12)
#expect(a.sum() == b.sum())

// ---
let layer = Dense(16, seed: 1)
let before = layer(a)
let after = layer(b)
let gap = (before - after) * (before - after)
#expect(gap.min() > 0)
#expect(!isClose(before, after, tolerance: 0.05))
