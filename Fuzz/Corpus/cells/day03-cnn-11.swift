//| label: dense-not-equivariant
let flatDense = Dense(64, seed: 5)
let a = flatDense(flatten(image))
let b = flatDense(flatten(image.shifted(by: [2, 3])))
#expect(!isClose(a, b, tolerance: 0.1))
