//| label: mlp
let mlp = Sequential(input: [28, 28, 1]) {
    Flatten()
    Dense(128)
    ReLU()
    Dense(10)
}
#expect(mlp.parameterCount == 784 * 128 + 128 + 128 * 10 + 10)
#summary(mlp, input: [28, 28, 1])
