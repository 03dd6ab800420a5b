import Foundation
import Testing

/// The committed micro-kernels are what their generator prints, so a change to the script is never
/// left unapplied and a hand edit to the generated file never goes unnoticed.
@Suite struct MicroKernelsGeneratorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/Kernels/GEMM").standardized

    @Test func theCommittedFileIsWhatTheScriptPrints() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.folder.appendingPathComponent("generate_microkernels.py").path, "--stdout"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let generated = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "generate_microkernels.py failed")
        let committed = try Data(contentsOf: Self.folder.appendingPathComponent("GEMM+MicroKernels.swift"))
        #expect(!generated.isEmpty)
        #expect(generated == committed, "GEMM+MicroKernels.swift is stale: run python3 Sources/Kernels/GEMM/generate_microkernels.py")
    }
}
