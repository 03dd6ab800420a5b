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
