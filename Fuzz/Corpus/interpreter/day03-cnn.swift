//| label: inductive-bias
let linear = Sequential(input: [32, 32, 3]) { Flatten(); Dense(10) }
let mlp = Sequential(input: [32, 32, 3]) { Flatten(); Dense(256); ReLU(); Dense(10) }
let cnn = Sequential(input: [32, 32, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same)
    ReLU()
    MaxPool2D(2)
    Conv2D(filters: 32, kernel: 3, padding: .same)
    ReLU()
    GlobalAvgPool2D()
    Dense(10)
}
// A transformer encoder block of width d and feed-forward width f, counted by formula:
// attention 4·(d·d + d), feed-forward d·f + f + f·d + d, two layer norms 2·2·d.
func transformerBlock(_ d: Int, _ f: Int) -> Int { 4 * (d * d + d) + (d * f + f + f * d + d) + 4 * d }
#expect(transformerBlock(768, 3072) == 7_087_872)   // one BERT-base layer, as published
print("linear     \(linear.parameterCount)")
print("MLP        \(mlp.parameterCount)")
print("CNN        \(cnn.parameterCount)")
print("attention  \(transformerBlock(64, 256)) per block of width 64")
#expect(cnn.parameterCount < linear.parameterCount)
#expect(mlp.parameterCount > 100 * cnn.parameterCount)

// ---
//| label: scene
//| caption: The scene, one brightness per pixel
var pixels: [Double] = []
for row in 0..<32 {
    for column in 0..<32 {
        let dy = Double(row - 10), dx = Double(column - 20)
        var value = 0.1
        if column < 8 { value = 0.6 }
        if dy * dy + dx * dx <= 36 { value = 1.0 }
        if row >= 20 && column >= 16 && (row / 4 + column / 4) % 2 == 0 { value = 0.9 }
        pixels.append(value)
    }
}
let scene = Tensor(shape: [32, 32, 1], scalars: pixels)
#show(scene)

// ---
//| label: output-size
func outputSize(_ w: Int, f: Int, s: Int, p: Int) -> Int {
    (w - f + 2 * p) / s + 1
}
#expect(outputSize(32, f: 3, s: 1, p: 0) == 30)    // a 3×3 kernel trims one pixel on each side
#expect(outputSize(32, f: 3, s: 1, p: 1) == 32)    // padding 1 keeps the size ("same")
#expect(outputSize(32, f: 5, s: 1, p: 2) == 32)
#expect(outputSize(32, f: 2, s: 2, p: 0) == 16)    // stride 2 halves it
#expect(outputSize(227, f: 11, s: 4, p: 0) == 55)  // AlexNet's first layer

// ---
//| label: first-conv
let image = Tensor.random([32, 32, 3], seed: 7)
let conv = Conv2D(filters: 16, kernel: 3)
let maps = conv(image)
#expect(maps.shape == [30, 30, 16])
#expect(Conv2D(filters: 16, kernel: 3, padding: .same)(image).shape == [32, 32, 16])
#expect(Conv2D(filters: 16, kernel: 3, stride: 2, padding: 1)(image).shape == [16, 16, 16])
conv

// ---
//| label: stride-warning
let strided = Conv2D(filters: 4, kernel: 3, stride: 2)(image)
#expect(strided.shape == [15, 15, 4])

// ---
//| label: too-large
//| error: "does not fit"
let tiny = Tensor.zeros([3, 3, 1])
Conv2D(filters: 1, kernel: 5)(tiny)

// ---
//| label: sobel
//| caption: The Sobel kernel (left) and its response on the scene (right): red where brightness rises to the right, blue where it falls
let sobel = Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]).reshaped([3, 3, 1, 1])
let edges = conv2d(scene, sobel)
#expect(edges.shape == [30, 30, 1])
#show(sobel.reshaped([3, 3]))
#show(edges)

// ---
//| label: flashlight
//| caption: Left, the kernel's window at three stops on the scene; right, the pixel each stop writes in the response
let stops = [[9, 13], [12, 6], [22, 20]]
#show(scene, windows: stops.map { [$0[0], $0[1], 3, 3] })
#show(edges, windows: stops.map { [$0[0], $0[1], 1, 1] })

// ---
//| label: sparse
let k3 = Tensor.random([3, 3, 1, 1], seed: 3)
var bumped = pixels
bumped[16 * 32 + 16] += 1.0      // one pixel, row 16, column 16
let before = conv2d(scene, k3)
let after = conv2d(Tensor(shape: [32, 32, 1], scalars: bumped), k3)
var changed = 0
for row in 0..<30 {
    for column in 0..<30 where after[row, column, 0] != before[row, column, 0] {
        changed += 1
    }
}
#expect(changed == 9)

// ---
//| label: sharing
let denseWeights = (32 * 32 * 3) * (30 * 30 * 16)
#expect(denseWeights == 44_236_800)
#expect(denseWeights / conv.parameterCount > 90_000)
denseWeights

// ---
//| label: equivariance
let shiftedThenConvolved = conv(image.shifted(by: [2, 3]))
let convolvedThenShifted = maps.shifted(by: [2, 3])
#expect(isClose(shiftedThenConvolved[4..<28, 5..<28], convolvedThenShifted[4..<28, 5..<28], tolerance: 1e-5))

// ---
//| label: dense-not-equivariant
let flatDense = Dense(64, seed: 5)
let a = flatDense(flatten(image))
let b = flatDense(flatten(image.shifted(by: [2, 3])))
#expect(!isClose(a, b, tolerance: 0.1))

// ---
//| label: pooling
let pool = MaxPool2D(2)
#expect(pool(maps).shape == [15, 15, 16])
#expect(pool.parameterCount == 0)
#expect(avgPool2d(maps, size: 2).shape == [15, 15, 16])

// ---
//| label: pooling-shift
var spot = Array(repeating: 0.0, count: 64)
spot[2 * 8 + 2] = 1
let here = Tensor(shape: [8, 8, 1], scalars: spot)
let nextDoor = here.shifted(by: [0, 1])
#expect(!isClose(here, nextDoor, tolerance: 0))
#expect(isClose(maxPool2d(here, size: 2), maxPool2d(nextDoor, size: 2), tolerance: 0))
// Across a window's border the pooled output does move: invariance only to small shifts.
#expect(!isClose(maxPool2d(nextDoor, size: 2), maxPool2d(nextDoor.shifted(by: [0, 1]), size: 2), tolerance: 0))

// ---
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

// ---
//| label: relu
let z = Tensor([[-2, -0.5, 0, 0.5, 2]])
#expect(isClose(relu(z), Tensor([[0, 0, 0, 0.5, 2]]), tolerance: 0))
relu(z)

// ---
//| label: collapse
let first = Dense(8, bias: false, seed: 11)
let second = Dense(4, bias: false, seed: 12)
let v = Tensor.random([16], seed: 13)
let twoLayers = second(first(v))
let oneLayer = dense(v, matmul(first.weights, second.weights))
#expect(isClose(twoLayers, oneLayer, tolerance: 1e-5))
#expect(!isClose(second(relu(first(v))), oneLayer, tolerance: 1e-5))

// ---
//| label: batch-norm
let batch = Tensor.randomNormal([16, 8, 8, 4], seed: 21, mean: 3, standardDeviation: 2)
let norm = BatchNorm()
let normalised = norm(batch, training: true)
for channel in 0..<4 {
    let values = normalised[0..<16, 0..<8, 0..<8, channel]
    #expect(abs(values.mean()) < 1e-4)
    #expect(abs((values * values).mean() - 1) < 1e-2)
}
#expect(norm.parameterCount == 16)              // γ, β, running mean and variance, 4 channels each
#expect(norm.trainableParameterCount == 8)      // only γ and β are learned

// ---
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

// ---
//| label: feature-maps
//| caption: The four maps after each convolution and ReLU: 32×32, then 16×16, then 8×8
let firstMaps = relu(net.layers[0](scene))
let secondMaps = relu(net.layers[3](maxPool2d(firstMaps, size: 2)))
let thirdMaps = relu(net.layers[6](maxPool2d(secondMaps, size: 2)))
#expect(thirdMaps.shape == [8, 8, 4])
#show(firstMaps)
#show(secondMaps)
#show(thirdMaps)

// ---
//| label: applications
let backbone = Sequential(input: [64, 64, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
    Conv2D(filters: 32, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
    Conv2D(filters: 64, kernel: 3, padding: .same); ReLU(); MaxPool2D(2)
}
// Detection: an 8×8 grid, each cell with 5 box numbers and 3 class scores.
let detector = Sequential(input: [64, 64, 3]) { backbone; Conv2D(filters: 5 + 3, kernel: 1) }
#expect(detector.outputShape(for: [64, 64, 3]) == [8, 8, 8])
// Segmentation: a class score for every pixel, so no pooling.
let segmenter = Sequential(input: [64, 64, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same); ReLU()
    Conv2D(filters: 4, kernel: 1)
}
#expect(segmenter.outputShape(for: [64, 64, 3]) == [64, 64, 4])
