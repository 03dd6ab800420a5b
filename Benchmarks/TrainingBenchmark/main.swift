import Autodiff
import Foundation
import Kernels
import Layers

// Times one epoch of training of the two-conv CNN (6,090 parameters) on 1,438 images of 8×8,
// batch 32, Adam (lr 0.01): forward, backward and the update, with seeded shuffling. Prints the
// median of epochs 2…N. The images are seeded noise with a seeded label unless two raw float32
// files are given (`TrainingBenchmark IMAGES.f32 LABELS.f32`, [n, 8, 8, 1] and [n]), when the last
// 20% are held out and the test accuracy of each epoch is printed too.
//
//     swift build -c release --product TrainingBenchmark && .build/release/TrainingBenchmark

func load(_ path: String) throws -> [Float] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
}

let arguments = CommandLine.arguments
let (train, test): ((Tensor, Tensor), (Tensor, Tensor)?)
if arguments.count == 3 {
    let (pixels, labels) = (try load(arguments[1]), try load(arguments[2]))
    let count = labels.count, cut = count * 8 / 10
    train = (try Tensor(shape: [cut, 8, 8, 1], scalars: Array(pixels[..<(cut * 64)])), Tensor(Array(labels[..<cut])))
    test = (try Tensor(shape: [count - cut, 8, 8, 1], scalars: Array(pixels[(cut * 64)...])), Tensor(Array(labels[cut...])))
} else {
    var generator = SeededGenerator(seed: 1)
    train = (try Tensor.random([1438, 8, 8, 1], seed: 2), Tensor((0..<1438).map { _ in Float(generator.next() % 10) }))
    test = nil
}

let model = try Sequential(input: [8, 8, 1]) {
    try Conv2D(filters: 16, kernel: 3, padding: .same)
    ReLU()
    try MaxPool2D(2)
    try Conv2D(filters: 32, kernel: 3, padding: .same)
    ReLU()
    try MaxPool2D(2)
    Flatten()
    try Dense(10)
}
let optimizer = try Adam(learningRate: 0.01)
let epochs = 10
var times: [Double] = []
for epoch in 1...epochs {
    let start = DispatchTime.now().uptimeNanoseconds
    let history = try model.fit(inputs: train.0, labels: train.1, epochs: 1, batchSize: 32, optimizer: optimizer, seed: UInt64(epoch))
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    let accuracy = try test.map { try model.accuracy(on: $0.0, labels: $0.1) }
    print(String(format: "epoch %2d  %7.2f ms  loss %.4f", epoch, times.last!, history.loss[0])
          + (accuracy.map { String(format: "  test accuracy %.4f", $0) } ?? ""))
}
let steady = times.dropFirst().sorted()
print(String(format: "median of epochs 2…%d: %.2f ms per epoch (%d parameters, %d images)",
             epochs, steady[steady.count / 2], try model.trainableParameterCount, train.0.shape[0]))
