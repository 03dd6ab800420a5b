//| label: lenet
let lenet = Sequential(input: [32, 32, 1]) {
    Conv2D(filters: 6, kernel: 5)
    ReLU()
    MaxPool2D(2)
    Conv2D(filters: 16, kernel: 5)
    ReLU()
    MaxPool2D(2)
    Flatten()
    Dense(120)
    ReLU()
    Dense(84)
    ReLU()
    Dense(10)
}
#expect(lenet.parameterCount == 61_706)
#expect(lenet.outputShape(for: [32, 32, 1]) == [10])
#summary(lenet, input: [32, 32, 1])
