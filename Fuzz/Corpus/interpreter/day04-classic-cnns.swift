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

// ---
//| label: alexnet
let alexnet = Sequential(input: [224, 224, 3]) {
    Conv2D(filters: 64, kernel: 11, stride: 4, padding: 2)
    ReLU()
    MaxPool2D(3, stride: 2)
    Conv2D(filters: 192, kernel: 5, padding: 2)
    ReLU()
    MaxPool2D(3, stride: 2)
    Conv2D(filters: 384, kernel: 3, padding: 1)
    ReLU()
    Conv2D(filters: 256, kernel: 3, padding: 1)
    ReLU()
    Conv2D(filters: 256, kernel: 3, padding: 1)
    ReLU()
    MaxPool2D(3, stride: 2)
    Flatten()
    Dropout(0.5)
    Dense(4096)
    ReLU()
    Dropout(0.5)
    Dense(4096)
    ReLU()
    Dense(1000)
}
#expect(alexnet.parameterCount == 61_100_840)
#summary(alexnet, input: [224, 224, 3])

// ---
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

// ---
let stacked = Sequential(input: [32, 32, 64]) {
    Conv2D(filters: 64, kernel: 3, padding: .same)
    Conv2D(filters: 64, kernel: 3, padding: .same)
}
let single = Conv2D(filters: 64, kernel: 5, padding: .same)
#expect(stacked.receptiveField.size == 5)
#expect(stacked.parameterCount < Sequential(input: [32, 32, 64]) { single }.parameterCount)

// ---
//| label: resnet18
//| warning: false
func basicBlock(_ filters: Int, stride: Int) -> Layer {
    if stride == 1 {
        return Residual {
            Conv2D(filters: filters, kernel: 3, padding: .same, bias: false)
            BatchNorm()
            ReLU()
            Conv2D(filters: filters, kernel: 3, padding: .same, bias: false)
            BatchNorm()
        }
    }
    return Residual(shortcut: Sequential {
        Conv2D(filters: filters, kernel: 1, stride: stride, bias: false)
        BatchNorm()
    }) {
        Conv2D(filters: filters, kernel: 3, stride: stride, padding: 1, bias: false)
        BatchNorm()
        ReLU()
        Conv2D(filters: filters, kernel: 3, padding: .same, bias: false)
        BatchNorm()
    }
}
let resnet18 = Sequential(input: [224, 224, 3]) {
    Conv2D(filters: 64, kernel: 7, stride: 2, padding: 3, bias: false)
    BatchNorm()
    ReLU()
    MaxPool2D(3, stride: 2, padding: 1)
    basicBlock(64, stride: 1)
    basicBlock(64, stride: 1)
    basicBlock(128, stride: 2)
    basicBlock(128, stride: 1)
    basicBlock(256, stride: 2)
    basicBlock(256, stride: 1)
    basicBlock(512, stride: 2)
    basicBlock(512, stride: 1)
    GlobalAvgPool2D()
    Dense(1000)
}
#expect(resnet18.trainableParameterCount == 11_689_512)
#expect(resnet18.outputShape(for: [224, 224, 3]) == [1000])

// ---
//| caption: Parameter counts of the classic networks (PyTorch counting)
print("LeNet     \(lenet.parameterCount)")
print("AlexNet   \(alexnet.parameterCount)")
print("VGG-16    \(vgg16.parameterCount)")
print("ResNet-18 \(resnet18.trainableParameterCount)")
#expect(resnet18.trainableParameterCount * 10 < vgg16.parameterCount)
