// Prints the median time and GFLOP/s of the Kernels ops on the shapes of ../shared/bench/README.md,
// with 1 and 2 threads, beside the peer figures measured there. Run it with `make bench`.
import Dispatch
import Kernels
import Layers
import Threads

#if canImport(Glibc)
import Glibc
#endif

/// Figures from `shared/bench/README.md` (2 vCPU AMD EPYC Zen 5, measured before the project
/// started): median milliseconds per call on 2 threads.
enum Peers {
    /// FP32 peak: 2 × 512-bit FMA per cycle at ~4.2 GHz; ~270 GFLOP/s per core, ~539 on two.
    static let peakPerCore = 269.5
    /// numpy + OpenBLAS 0.3.31 SGEMM at 4096³: 238 GFLOP/s on 1 thread, 463 on 2.
    static let openBLAS = (one: 238.0, two: 463.0)
    /// ONNX Runtime 1.32, PyTorch 2.15 NCHW, PyTorch channels_last, per conv case (ms, 2 threads).
    static let conv: [String: (onnx: Double, torch: Double, torchChannelsLast: Double)] = [
        "a": (0.0133, 0.0181, 0.0218), "b": (0.558, 0.569, 0.503), "c": (0.510, 0.548, 0.486),
        "d": (1.906, 2.068, 1.835), "e": (1.961, 2.509, 2.203), "f": (0.520, 0.487, 0.362),
    ]
    /// Best one-thread time of case a (ONNX Runtime); cases b–e reach 243–255 GFLOP/s on one thread.
    static let convOneThreadA = 0.0111
    /// ONNX Runtime, 2 threads: max-pool 2×2/2 on 112×112×64, dense 4096→1000 (batch 1, 32),
    /// ReLU and batch norm (inference) on 112×112×64.
    static let maxPool = 0.059, denseBatch1 = 0.094, denseBatch32 = 0.809, relu = 0.033, batchNorm = 0.043
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Median and minimum seconds per call after warm-up, over at least 0.3 s and 7 calls.
func timing(_ body: () throws -> Void) rethrows -> (median: Double, min: Double) {
    for _ in 0..<3 { try body() }
    var times: [Double] = []
    let start = now()
    while times.count < 7 || Double(now() - start) < 0.3e9 {
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
    let name: String, flops: Double, peer: Double?, peerName: String
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
    let peers = Peers.conv[key]!
    return Row(name: "\(key) \(label)", flops: 2.0 * Double(n * out * out * f * f * cin * cout),
               peer: Swift.min(peers.onnx, peers.torch, peers.torchChannelsLast),
               peerName: "best of ORT \(format(peers.onnx, 4)), PyTorch \(format(Swift.min(peers.torch, peers.torchChannelsLast), 4))") { threads in
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
    Row(name: "GEMM 1024³", flops: 2.0 * 1024 * 1024 * 1024, peer: nil, peerName: "OpenBLAS 4096³") { threads in
        _ = try matmul(gemmA, gemmB, threads: threads)
    },
    try convRow("a", "32×32×3→16 F3 S1 P1", n: 1, h: 32, cin: 3, cout: 16, f: 3, s: 1, p: 1),
    try convRow("b", "224×224×3→64 F7 S2 P3", n: 1, h: 224, cin: 3, cout: 64, f: 7, s: 2, p: 3),
    try convRow("c", "56×56×64→64 F3 S1 P1", n: 1, h: 56, cin: 64, cout: 64, f: 3, s: 1, p: 1),
    try convRow("d", "28×28×256→256 F3 S1 P1", n: 1, h: 28, cin: 256, cout: 256, f: 3, s: 1, p: 1),
    try convRow("e", "14×14×512→512 F3 S1 P1", n: 1, h: 14, cin: 512, cout: 512, f: 3, s: 1, p: 1),
    try convRow("f", "N32 32×32×3→32 F5 S1 P2", n: 32, h: 32, cin: 3, cout: 32, f: 5, s: 1, p: 2),
    Row(name: "depthwise 112×112×32 F3 S1 P1", flops: 2.0 * 112 * 112 * 9 * 32, peer: nil, peerName: "") { threads in
        _ = try depthwiseConv2d(depthwiseInput, depthwiseKernel, padding: .same, threads: threads)
    },
    Row(name: "max-pool 2×2/2 112×112×64", flops: 0, peer: Peers.maxPool, peerName: "ORT") { threads in
        _ = try maxPool2d(pooled, size: 2, threads: threads)
    },
    Row(name: "dense 4096→1000 N1", flops: 2.0 * 4096 * 1000, peer: Peers.denseBatch1, peerName: "ORT") { threads in
        _ = try dense(denseOne, denseWeights, bias: denseBias, threads: threads)
    },
    Row(name: "dense 4096→1000 N32", flops: 2.0 * 32 * 4096 * 1000, peer: Peers.denseBatch32, peerName: "ORT") { threads in
        _ = try dense(denseBatch, denseWeights, bias: denseBias, threads: threads)
    },
    Row(name: "ReLU 112×112×64", flops: 0, peer: Peers.relu, peerName: "ORT", threadCounts: [Parallel.coreCount]) { _ in
        _ = relu(pooled)
    },
    Row(name: "batch norm 112×112×64", flops: 0, peer: Peers.batchNorm, peerName: "ORT", threadCounts: [Parallel.coreCount]) { _ in
        _ = try batchNorm(pooled, mean: zeros64, variance: ones64, gamma: ones64, beta: zeros64, epsilon: 1e-3)
    },
]

var load = "?"
#if canImport(Glibc)
var loads = [Double](repeating: 0, count: 1)
if getloadavg(&loads, 1) == 1 { load = format(loads[0], 2) }
#endif
print("Kernels benchmark: median per call; peak FP32 \(format(Peers.peakPerCore, 0)) GFLOP/s per core (\(format(2 * Peers.peakPerCore, 0)) on 2).")
print("Load average before the run: \(load) (the machine is shared; compare ratios, not absolute figures).")
print("Each call allocates its output tensor; a kernel's weights are packed on first use and the packed")
print("copy is reused while the array lives, as ONNX Runtime packs them when the session is created.")
print("")
let header = [pad("case", 30, left: true), pad("thr", 3), pad("ms", 9), pad("min ms", 9), pad("GFLOP/s", 8), pad("% peak", 7),
              pad("peer ms", 8), pad("peer/ours", 9), "  peer"]
print(header.joined(separator: " "))
print(String(repeating: "-", count: 110))
let filters = CommandLine.arguments.dropFirst()
for row in rows where filters.isEmpty || filters.contains(where: { row.name.hasPrefix($0) }) {
    for threads in row.threadCounts {
        let (time, fastest) = try timing { try row.run(threads) }
        let ms = time * 1e3
        var columns = [pad(row.name, 30, left: true), pad("\(threads)", 3), pad(format(ms, 4), 9), pad(format(fastest * 1e3, 4), 9)]
        if row.flops > 0 {
            let gflops = row.flops / time / 1e9
            columns += [pad(format(gflops, 1), 8), pad(format(100 * gflops / (Peers.peakPerCore * Double(threads)), 1), 7)]
        } else {
            columns += [pad("", 8), pad("", 7)]
        }
        if row.name.hasPrefix("GEMM") {
            let peer = threads == 1 ? Peers.openBLAS.one : Peers.openBLAS.two
            columns += [pad("\(format(peer, 0))GF", 8), pad(format(row.flops / time / 1e9 / peer, 2), 9), "  \(row.peerName)"]
        } else if let peer = row.peer {
            // Case a is the one conv with a one-thread peer figure; the others compare with 2 threads.
            let reference = threads == 1 && row.name.hasPrefix("a ") ? Peers.convOneThreadA : peer
            columns += [pad(format(reference, 4), 8), pad(format(reference / ms, 2), 9),
                        "  \(threads == 1 && row.name.hasPrefix("a ") ? "ORT, 1 thread" : row.peerName + " (2 threads)")"]
        }
        print(columns.joined(separator: " "))
    }
}

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
