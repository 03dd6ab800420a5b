import Foundation
import Testing

/// The committed micro-kernels are what their generator writes, so a change to the script is never
/// left unapplied and a hand edit to the generated file never goes unnoticed.
@Suite struct MicroKernelsGeneratorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Sources/Kernels/GEMM").standardized

    @Test func theCommittedFileIsWhatTheScriptWrites() throws {
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-kernels-\(UUID()).swift")
        defer { try? FileManager.default.removeItem(at: generated) }
        let script = Self.folder.appendingPathComponent("generate_microkernels.py").path
        let python = try Process.run(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", script, generated.path])
        python.waitUntilExit()
        try #require(python.terminationStatus == 0, "generate_microkernels.py failed")
        let committed = try Data(contentsOf: Self.folder.appendingPathComponent("GEMM+MicroKernels.swift"))
        #expect(try Data(contentsOf: generated) == committed,
                "GEMM+MicroKernels.swift is stale: run python3 Sources/Kernels/GEMM/generate_microkernels.py")
    }
}
