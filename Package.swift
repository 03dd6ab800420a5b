// swift-tools-version: 6.1
import PackageDescription

/// The numeric kernels are compiled for the host's vector units (AVX2/AVX-512 FMA): measured here,
/// the same Swift GEMM runs at 1.6 GFLOP/s on baseline x86-64 and ~425 GFLOP/s with them.
/// A binary built this way runs only where it was built, which is how `make` uses it.
let hostVectorUnits: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "native"])]

let syntax: [Target.Dependency] = [
    .product(name: "SwiftSyntax", package: "swift-syntax"),
    .product(name: "SwiftParser", package: "swift-syntax"),
    .product(name: "SwiftOperators", package: "swift-syntax"),
    .product(name: "SwiftDiagnostics", package: "swift-syntax"),
    .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
]

let package = Package(
    name: "Kernelbook",
    products: [
        .executable(name: "kernelbook", targets: ["kernelbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "CExchange"),
        .systemLibrary(name: "Czlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "Cpng", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // libpng's static library needs libm after it: a static executable links archives in order.
        .target(name: "CPNGReader", dependencies: ["Cpng"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "CDigits", exclude: ["make_digits_c.py"]),
        .target(name: "Threads"),
        .target(name: "Files"),
        .target(name: "Outputs"),
        // Optimised in debug builds too: SIMD code without optimisation runs ~200× slower, which
        // would make debug notebooks and tests crawl.
        .target(name: "Kernels", dependencies: ["Threads"], exclude: ["GEMM/generate_microkernels.py"],
                swiftSettings: hostVectorUnits + [.unsafeFlags(["-O"])]),
        // Optimised in debug builds too, as Kernels: the optimisers' lanes run every training step.
        .target(name: "Autodiff", dependencies: ["Kernels", "Threads"], swiftSettings: hostVectorUnits + [.unsafeFlags(["-O"])]),
        .target(name: "Layers", dependencies: ["Kernels", "Autodiff"]),
        // Optimised in debug builds too, as Kernels is: unoptimised, decoding the digits takes 45 ms
        // instead of 4 and saving a 16 MB .npy 1.5 s instead of 0.1.
        .target(name: "Datasets", dependencies: ["Kernels", "Files", "Czlib", "CPNGReader", "CDigits"],
                swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "Cells", dependencies: ["Layers", "Autodiff", "Datasets", "Outputs", "Threads"] + syntax),
        .target(name: "Notebook", dependencies: ["Ccmark", "Files", "Outputs"]),
        .target(name: "Execution", dependencies: ["Notebook", "Cells", "Files", "Threads"]),
        .target(name: "Render", dependencies: ["Notebook", "Outputs", "Files", "Threads", "CExchange"]),
        .executableTarget(
            name: "kernelbook",
            dependencies: ["Execution", "Render", "Files", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "KernelsBenchmark", dependencies: ["Kernels", "Layers", "Threads"], path: "Benchmarks/KernelsBenchmark",
                          swiftSettings: hostVectorUnits),
        .executableTarget(name: "TrainingBenchmark", dependencies: ["Layers", "Autodiff", "Kernels", "Datasets", "Threads"], path: "Benchmarks/TrainingBenchmark",
                          swiftSettings: hostVectorUnits),
        .executableTarget(name: "MarkdownBenchmark", dependencies: ["Render"], path: "Benchmarks/MarkdownBenchmark"),
        // libFuzzer entry points: `make fuzz` builds this with -sanitize=fuzzer,address and -D FUZZING;
        // built normally, it replays saved inputs through one entry point.
        .executableTarget(name: "kernelbook-fuzz", dependencies: ["Notebook", "Cells", "Datasets"], path: "Fuzz",
                          exclude: ["Corpus", "Crashes", "make_corpus.py"]),
        .target(name: "TestSupport", dependencies: ["Cells", "Outputs"], path: "Tests/TestSupport"),
        .testTarget(name: "ThreadsTests", dependencies: ["Threads"]),
        .testTarget(name: "FilesTests", dependencies: ["Files"]),
        .target(name: "FixtureSupport", dependencies: ["Kernels"], path: "Tests/FixtureSupport"),
        .testTarget(name: "KernelsTests", dependencies: ["Kernels", "Threads", "FixtureSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "Kernels", "Threads", "FixtureSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LayersTests", dependencies: ["Layers", "Autodiff", "Kernels", "FixtureSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], exclude: ["Fixtures"]),
        .testTarget(name: "CellsTests", dependencies: ["Cells", "TestSupport"]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "ExecutionTests", dependencies: ["Execution", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Execution", "TestSupport"], exclude: ["HTML/Snapshots"]),
        .testTarget(name: "kernelbookTests",
                    dependencies: ["kernelbook", "Execution", "Render", "TestSupport",
                                   .product(name: "ArgumentParser", package: "swift-argument-parser")],
                    exclude: ["Snapshots", "Fixtures"]),
    ]
)
