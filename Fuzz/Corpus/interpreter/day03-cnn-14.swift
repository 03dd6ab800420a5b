//| label: classifier
let model = Sequential(input: [32, 32, 3]) {
    Conv2D(filters: 16, kernel: 3)
    ReLU()
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
#expect(model.outputShape(for: [32, 32, 3]) == [10])
#summary(model, input: [32, 32, 3])
#show(model)
