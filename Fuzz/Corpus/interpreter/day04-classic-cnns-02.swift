//| label: vgg16
func vggBlock(_ filters: Int, convolutions: Int) -> [Layer] {
    var layers: [Layer] = []
    for _ in 0..<convolutions {
        layers.append(Conv2D(filters: filters, kernel: 3, padding: .same))
        layers.append(ReLU())
    }
    layers.append(MaxPool2D(2))
    return layers
}
let features = Sequential(input: [224, 224, 3]) {
    vggBlock(64, convolutions: 2)
    vggBlock(128, convolutions: 2)
    vggBlock(256, convolutions: 3)
    vggBlock(512, convolutions: 3)
    vggBlock(512, convolutions: 3)
}
#expect(features.outputShape(for: [224, 224, 3]) == [7, 7, 512])
#expect(features.parameterCount == 14_714_688)
let vgg16 = Sequential(input: [224, 224, 3]) {
    features
    Flatten()
    Dense(4096)
    ReLU()
    Dropout(0.5)
    Dense(4096)
    ReLU()
    Dropout(0.5)
    Dense(1000)
}
#expect(vgg16.parameterCount == 138_357_544)
