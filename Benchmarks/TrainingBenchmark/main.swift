import Autodiff
import Datasets
import Foundation
import Kernels
import Layers
import Threads

// Trains one of the models on the UCI digits and prints one JSON line: the time of every
// epoch (forward, backward and the Adam update over the shuffled training set; the test evaluation
// after each epoch is not timed), the test accuracy after each epoch, and the epoch that first
// reached 97%. The split is the stratified 80/20 split with seed 0 (`LabelledImages.split`), the
// one Data/digits/split.py reproduces for the PyTorch peer: 1,438 training and 359 test images.
// The threads are the cores the process may use: `taskset -c 0` runs it on one.
//
//     TrainingBenchmark [cnn|wide|mlp] [EPOCHS]
//
// `make bench-training` runs it beside Benchmarks/training/bench_training_torch.py and prints the table.

let arguments = CommandLine.arguments
let modelName = arguments.count > 1 ? arguments[1] : "cnn"
let epochs = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 20
guard ["cnn", "wide", "mlp"].contains(modelName), epochs >= 1 else {
    FileHandle.standardError.write(Data("usage: TrainingBenchmark [cnn|wide|mlp] [EPOCHS ≥ 1]\n".utf8))
    exit(2)
}

let (train, test) = try Digits.load().split(testFraction: 0.2, seed: 0)
func inputs(_ part: LabelledImages) throws -> Tensor {
    modelName == "mlp" ? try part.images.reshaped([part.count, 64]) : part.images
}
let (trainX, testX) = (try inputs(train), try inputs(test))
let (trainY, testY) = (Tensor(train.labels.map(Float.init)), Tensor(test.labels.map(Float.init)))

/// A CNN on the 8×8 digits: for each block, its 3×3 'same' convolutions with ReLU, then a 2×2
/// max-pool; then Flatten and Dense 10.
func convolutional(_ blocks: [[Int]]) throws -> Sequential {
    try Sequential(input: [8, 8, 1]) {
        for block in blocks {
            for filters in block {
                try Conv2D(filters: filters, kernel: 3, padding: .same)
                ReLU()
            }
            try MaxPool2D(2)
        }
        Flatten()
        try Dense(10)
    }
}

let model = switch modelName {
case "cnn": try convolutional([[16], [32]])
// Two 64→64 layers: 3×3, stride 1 and many channels, the convolutions that take Winograd's
// F(2×2, 3×3) forward and in both gradients.
case "wide": try convolutional([[64, 64], [64]])
default: try Sequential(input: [64]) {
    try Dense(128)
    ReLU()
    try Dense(10)
}
}
let optimizer = try Adam(learningRate: 0.01)
var times: [Double] = [], accuracies: [Float] = []
for epoch in 1...epochs {
    let start = DispatchTime.now().uptimeNanoseconds
    try model.fit(inputs: trainX, labels: trainY, epochs: 1, batchSize: 32, optimizer: optimizer, seed: UInt64(epoch))
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    accuracies.append(try model.accuracy(on: testX, labels: testY))
}
let steady = times.dropFirst().sorted()
let reached = accuracies.firstIndex { $0 >= 0.97 }.map { String($0 + 1) } ?? "null"
func list<T>(_ values: [T], _ text: (T) -> String) -> String { "[" + values.map(text).joined(separator: ", ") + "]" }
print("""
    {"model": "\(modelName)", "threads": \(Parallel.coreCount), "parameters": \(try model.trainableParameterCount), \
    "epochs": \(epochs), "train": \(train.count), "test": \(test.count), \
    "epoch_s_median": \(steady.isEmpty ? times[0] : steady[steady.count / 2]), "epoch_s_first": \(times[0]), \
    "epoch_s": \(list(times) { "\($0)" }), "epochs_to_97": \(reached), \
    "final_test_accuracy": \(accuracies.last!), "test_accuracy": \(list(accuracies) { "\($0)" })}
    """)
