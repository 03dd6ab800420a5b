import Foundation
import Testing

/// The module graph of docs/ARCHITECTURE.md, enforced on the sources: each module imports only
/// the modules below it that the table allows, so, for instance, rendering can never run a cell.
@Suite struct ArchitectureTests {
    /// The system modules any target may import.
    static let system: Set<String> = ["Glibc", "Darwin", "Dispatch", "Synchronization", "Foundation", "FoundationEssentials"]

    /// The C targets: module maps over system libraries and C sources, which import nothing of ours.
    static let cTargets: Set<String> = ["Ccmark", "CExchange", "Czlib", "Cpng", "CPNGReader", "CDigits"]

    /// The package's own modules and third-party modules each target may import.
    static let allowed: [String: Set<String>] = [
        "Threads": [],
        "Files": [],
        "Outputs": [],
        "Kernels": ["Threads"],
        "Autodiff": ["Kernels", "Threads"],
        "Layers": ["Kernels", "Autodiff"],
        "Datasets": ["Kernels", "Files", "Czlib", "CPNGReader", "CDigits"],
        "Cells": ["Kernels", "Autodiff", "Layers", "Datasets", "Outputs", "Threads",
                  "SwiftSyntax", "SwiftParser", "SwiftOperators", "SwiftDiagnostics", "SwiftParserDiagnostics"],
        "Notebook": ["Ccmark", "Files", "Outputs"],
        "Execution": ["Cells", "Files", "Notebook", "Outputs", "Threads"],
        "Render": ["Files", "Notebook", "Outputs", "Threads", "CExchange"],
        "kernelbook": ["ArgumentParser", "Execution", "Files", "Notebook", "Outputs", "Render"],
    ]

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every `import` of the Swift files under `folder`, with the file that has it.
    static func imports(under folder: URL) throws -> [(module: String, file: String)] {
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let position = words.firstIndex(of: "import"), position + 1 < words.count,
                      words[..<position].allSatisfy({ ["@testable", "@_exported", "internal", "package", "public", "private", "fileprivate"].contains($0) })
                else { continue }
                found.append((String(words[position + 1]), file.lastPathComponent))
            }
        }
        return found
    }

    @Test(arguments: allowed.keys.sorted())
    func aModuleImportsOnlyWhatItsLayerAllows(_ module: String) throws {
        let found = try Self.imports(under: Self.sources.appendingPathComponent(module))
        #expect(!found.isEmpty || ["Threads", "Files", "Outputs"].contains(module))
        for (imported, file) in found where !Self.system.contains(imported) {
            #expect(Self.allowed[module]!.contains(imported), "\(module)/\(file) imports \(imported)")
        }
    }

    @Test func renderingCannotRunCells() {
        let forbidden: Set<String> = ["Cells", "Execution", "Kernels", "Layers", "SwiftSyntax", "SwiftParser"]
        #expect(Self.allowed["Render"]!.isDisjoint(with: forbidden))
        #expect(Self.allowed["Notebook"]!.isDisjoint(with: forbidden))
    }

    @Test func everyModuleIsInTheTable() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !Self.cTargets.contains($0) && !$0.hasPrefix(".") }
        #expect(Set(modules) == Set(Self.allowed.keys))
    }

    /// The import check reads the sources, so it must see an import that breaks the rule.
    @Test func theCheckSeesAForbiddenImport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-arch-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "import Outputs\ninternal import Cells\n// import Nothing\n".write(
            to: folder.appendingPathComponent("A.swift"), atomically: true, encoding: .utf8)
        let found = try Self.imports(under: folder).map(\.module)
        #expect(found == ["Outputs", "Cells"])
        #expect(!Self.allowed["Render"]!.contains(found[1]))
    }
}
