// Times the Kernels ops on the shapes of ../shared/bench/README.md with 1 and 2 threads and prints
// one JSON line per case and thread count (`--json`) or a table. With `--serve` it times one case
// per line of standard input (`CASE THREADS MIN-SECONDS`, or `LIST` for the cases) and answers each
// with a JSON line: `make bench` (Benchmarks/kernels/bench_kernels.py) alternates it with its peers,
// case by case.
//
//     KernelsBenchmark [--json] [--min-time SECONDS] [CASE-PREFIX …]
//     KernelsBenchmark --serve
import Dispatch
import Kernels
import Layers
import Threads

#if canImport(Glibc)
import Glibc
#endif

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Median and minimum seconds per call after warm-up, over at least `minimum` seconds and 7 calls.
func timing(minimum: Double = 0.3, _ body: () throws -> Void) rethrows -> (median: Double, min: Double) {
    for _ in 0..<3 { try body() }
    var times: [Double] = []
    let start = now()
    while times.count < 7 || Double(now() - start) < minimum * 1e9 {
        let t0 = now()
        try body()
        times.append(Double(now() - t0) / 1e9)
        if times.count >= 20_000 { break }
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let have = text.distance(from: dot, to: text.endIndex) - 1
        text += String(repeating: "0", count: Swift.max(0, decimals - have))
    } else {
        text += "." + String(repeating: "0", count: decimals)
    }
    return text
}

func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: Swift.max(0, width - text.count))
    return left ? text + fill : fill + text
}

struct Row {
    /// The case's key, shared with the peers' script (Benchmarks/kernels/peers.py), and its label.
    let key: String, name: String, flops: Double
    /// The thread counts to time; element-wise ops have no `threads:` and always use every core.
    var threadCounts = [1, 2]
    let run: (Int) throws -> Void
}

let x = { (shape: [Int], seed: UInt64) in try Tensor.randomUniform(shape, low: -1, high: 1, seed: seed) }

func convRow(_ key: String, _ label: String, n: Int, h: Int, cin: Int, cout: Int, f: Int, s: Int, p: Int) throws -> Row {
    let input = try x(n == 1 ? [h, h, cin] : [n, h, h, cin], 1)
    let kernel = try x([f, f, cin, cout], 2)
    let bias = try x([cout], 3)
    let out = (h + 2 * p - f) / s + 1
    return Row(key: "conv-\(key)", name: "\(key) \(label)", flops: 2.0 * Double(n * out * out * f * f * cin * cout)) { threads in
        _ = try conv2d(input, kernel, bias: bias, stride: s, padding: .explicit(p), threads: threads)
    }
}

let gemmA = try x([1024, 1024], 4), gemmB = try x([1024, 1024], 5)
let pooled = try x([1, 112, 112, 64], 6)
let denseWeights = try x([4096, 1000], 7), denseBias = try x([1000], 8)
let denseOne = try x([1, 4096], 9), denseBatch = try x([32, 4096], 10)
let depthwiseInput = try x([112, 112, 32], 11), depthwiseKernel = try x([3, 3, 32, 1], 12)
let ones64 = try Tensor.ones([64]), zeros64 = try Tensor.zeros([64])

let rows: [Row] = [
    Row(key: "gemm-1024", name: "GEMM 1024³", flops: 2.0 * 1024 * 1024 * 1024) { threads in
        _ = try matmul(gemmA, gemmB, threads: threads)
    },
    try convRow("a", "32×32×3→16 F3 S1 P1", n: 1, h: 32, cin: 3, cout: 16, f: 3, s: 1, p: 1),
    try convRow("b", "224×224×3→64 F7 S2 P3", n: 1, h: 224, cin: 3, cout: 64, f: 7, s: 2, p: 3),
    try convRow("c", "56×56×64→64 F3 S1 P1", n: 1, h: 56, cin: 64, cout: 64, f: 3, s: 1, p: 1),
    try convRow("d", "28×28×256→256 F3 S1 P1", n: 1, h: 28, cin: 256, cout: 256, f: 3, s: 1, p: 1),
    try convRow("e", "14×14×512→512 F3 S1 P1", n: 1, h: 14, cin: 512, cout: 512, f: 3, s: 1, p: 1),
    try convRow("f", "N32 32×32×3→32 F5 S1 P2", n: 32, h: 32, cin: 3, cout: 32, f: 5, s: 1, p: 2),
    Row(key: "depthwise", name: "depthwise 112×112×32 F3 S1 P1", flops: 2.0 * 112 * 112 * 9 * 32) { threads in
        _ = try depthwiseConv2d(depthwiseInput, depthwiseKernel, padding: .same, threads: threads)
    },
    Row(key: "maxpool", name: "max-pool 2×2/2 112×112×64", flops: 0) { threads in
        _ = try maxPool2d(pooled, PoolWindow(size: 2), threads: threads)
    },
    Row(key: "dense-n1", name: "dense 4096→1000 N1", flops: 2.0 * 4096 * 1000) { threads in
        _ = try dense(denseOne, denseWeights, bias: denseBias, threads: threads)
    },
    Row(key: "dense-n32", name: "dense 4096→1000 N32", flops: 2.0 * 32 * 4096 * 1000) { threads in
        _ = try dense(denseBatch, denseWeights, bias: denseBias, threads: threads)
    },
    Row(key: "relu", name: "ReLU 112×112×64", flops: 0, threadCounts: [Parallel.coreCount]) { _ in
        _ = relu(pooled)
    },
    Row(key: "batchnorm", name: "batch norm 112×112×64", flops: 0, threadCounts: [Parallel.coreCount]) { _ in
        _ = try batchNorm(pooled, mean: zeros64, variance: ones64, gamma: ones64, beta: zeros64, epsilon: 1e-3)
    },
]

/// One measurement as the peers' script prints it.
func jsonLine(_ row: Row, threads: Int, median: Double, fastest: Double) -> String {
    "{\"engine\": \"kernelbook\", \"variant\": \"\", \"case\": \"\(row.key)\", \"threads\": \(threads), "
        + "\"median_ms\": \(median * 1e3), \"min_ms\": \(fastest * 1e3)}"
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--serve") {
    while let line = readLine() {
        let fields = line.split(separator: " ").map(String.init)
        if fields == ["LIST"] {
            let cases = rows.flatMap { row in row.threadCounts.map { "[\"\(row.key)\", \"\", \($0)]" } }
            print("[" + cases.joined(separator: ", ") + "]")
        } else if fields.count == 3, let row = rows.first(where: { $0.key == fields[0] }), let threads = Int(fields[1]),
                  let minimum = Double(fields[2]) {
            let (median, fastest) = try timing(minimum: minimum) { try row.run(threads) }
            print(jsonLine(row, threads: threads, median: median, fastest: fastest))
        } else {
            print("{\"error\": \"expected CASE THREADS MIN-SECONDS or LIST, not '\(line)'\"}")
        }
        fflush(nil)
    }
    exit(0)
}
let json = arguments.contains("--json")
arguments.removeAll { $0 == "--json" }
var minimumTime = 0.3
if let flag = arguments.firstIndex(of: "--min-time"), flag + 1 < arguments.count, let value = Double(arguments[flag + 1]) {
    minimumTime = value
    arguments.removeSubrange(flag...(flag + 1))
}
if !json {
    print("Kernels benchmark: median per call.")
    print("Each call allocates its output tensor; a kernel's weights are packed on first use and the packed")
    print("copy is reused while the array lives, as ONNX Runtime packs them when the session is created.")
    print("`make bench` runs the peers beside it.\n")
    print([pad("case", 30, left: true), pad("thr", 3), pad("ms", 9), pad("min ms", 9), pad("GFLOP/s", 8)]
        .joined(separator: " "))
    print(String(repeating: "-", count: 63))
}
for row in rows where arguments.isEmpty || arguments.contains(where: { row.key.hasPrefix($0) || row.name.hasPrefix($0) }) {
    for threads in row.threadCounts {
        let (time, fastest) = try timing(minimum: minimumTime) { try row.run(threads) }
        if json {
            print(jsonLine(row, threads: threads, median: time, fastest: fastest))
            continue
        }
        var columns = [pad(row.name, 30, left: true), pad("\(threads)", 3), pad(format(time * 1e3, 4), 9), pad(format(fastest * 1e3, 4), 9)]
        if row.flops > 0 {
            columns.append(pad(format(row.flops / time / 1e9, 1), 8))
        }
        print(columns.joined(separator: " "))
    }
}
if json { exit(0) }

// Shape inference without data: a dry summary of VGG-16 at 224×224×3 (the design asks for "well
// under a millisecond"), built as the Layers tests build it.
do {
    func block(_ filters: Int, _ convolutions: Int) throws -> [any Layer] {
        var layers: [any Layer] = []
        for _ in 0..<convolutions {
            layers.append(try Conv2D(filters: filters, kernel: 3, padding: .same))
            layers.append(ReLU())
        }
        layers.append(try MaxPool2D(2))
        return layers
    }
    var layers: [any Layer] = []
    for (filters, convolutions) in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)] {
        layers += try block(filters, convolutions)
    }
    layers += [Flatten(), try Dense(4096), ReLU(), try Dense(4096), ReLU(), try Dense(1000)]
    let vgg = try Sequential(input: [224, 224, 3], layers)
    var parameters = 0
    let (median, minimum) = try timing { parameters = try ModelSummary(model: vgg, input: [224, 224, 3]).parameters.total }
    print("")
    print("dry ModelSummary of VGG-16 at 224×224×3: median \(format(median * 1e6, 1)) µs, min \(format(minimum * 1e6, 1)) µs"
        + " (\(parameters) parameters, no weights drawn)")
}
