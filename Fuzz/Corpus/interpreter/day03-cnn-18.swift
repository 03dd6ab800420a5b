//| label: hierarchy
let net = Sequential(input: [32, 32, 1], seed: 4) {
    Conv2D(filters: 4, kernel: 3, padding: .same)
    ReLU()
    MaxPool2D(2)
    Conv2D(filters: 4, kernel: 3, padding: .same)
    ReLU()
    MaxPool2D(2)
    Conv2D(filters: 4, kernel: 3, padding: .same)
}
#summary(net, input: [32, 32, 1])
#expect(net.receptiveField.size == 18)
