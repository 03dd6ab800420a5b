import Foundation
import Testing

@Suite struct CheckFixTests {
    static let notebook = """
        # Fix

        ```swift
        let maps = Tensor.zeros([32, 32, 16])
        #expect(maps.shape == [30, 30, 16])
        #expect(maps.shape.count > 5)
        ```

        It has `\\(maps.count)` numbers: `#expect(maps.count == 1)`.
        """

    @Test func fixRewritesTheLiteralsSaysWhereAndChecksAgain() throws {
        let folder = try Kernelbook.folder(["a.md": Self.notebook])
        let result = try Kernelbook.run(["check", "a.md", "--fix"], in: folder)
        #expect(result.stderr.hasPrefix("""
            a.md:6:9: note: claim left unchanged: '--fix' rewrites only '#expect(value == literal)'
            a.md:5:23: fixed: [30, 30, 16] → [32, 32, 16]
            a.md:9:56: fixed: 1 → 16384

            """), "\(result.stderr)")
        // The claim it cannot fix still fails, in the check of the fixed file.
        #expect(result.stderr.hasSuffix("1 notebook, 3 claims: 2 passed, 1 failed\n"))
        #expect(result.status == 1)
        let text = try String(contentsOfFile: folder + "/a.md", encoding: .utf8)
        #expect(text == Self.notebook.replacingOccurrences(of: "[30, 30, 16]", with: "[32, 32, 16]")
            .replacingOccurrences(of: "== 1)`", with: "== 16384)`"))
        // The atomic write leaves no staging file beside the notebook (the cell cache has its own folder).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".kernelbook-cache", "a.md"])

        let again = try Kernelbook.run(["check", "a.md", "--fix"], in: folder)
        #expect(!again.stderr.contains("fixed:"))
        #expect(try String(contentsOfFile: folder + "/a.md", encoding: .utf8) == text)
    }

    @Test func withoutFixTheFileIsNotTouched() throws {
        let folder = try Kernelbook.folder(["a.md": Self.notebook])
        let result = try Kernelbook.run(["check", "a.md"], in: folder)
        #expect(result.status == 1 && !result.stderr.contains("fixed:"))
        #expect(try String(contentsOfFile: folder + "/a.md", encoding: .utf8) == Self.notebook)
    }
}
