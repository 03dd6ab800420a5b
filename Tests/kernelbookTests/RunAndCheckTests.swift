import Foundation
import Testing
import TestSupport

@Suite struct RunAndCheckTests {
    static let lesson = """
        # Shapes

        A 3×3 kernel over a 32×32×3 image:

        ```swift
        let image = Tensor.random([32, 32, 3], seed: 7)
        let conv = Conv2D(filters: 16, kernel: 3)
        let y = conv(image)
        print("output", y.shape)
        #expect(y.shape == [30, 30, 16])
        conv
        ```

        It has `\\(conv.parameterCount)` parameters: `#expect(conv.parameterCount == 448)`.
        """

    static let oneFailure = """
        # Shapes

        ```swift
        let conv = Conv2D(filters: 16, kernel: 3, padding: .same)
        let y = conv(Tensor.zeros([32, 32, 3]))
        #expect(y.shape == [30, 30, 16])
        ```
        """

    @Test func runPrintsTheTranscript() throws {
        let folder = try Kernelbook.folder(["shapes.md": Self.lesson])
        let result = try Kernelbook.run(["run", "shapes.md"], in: folder)
        #expect(result.status == 0)
        assertSnapshot(result.stdout, named: "run-shapes.txt")
        #expect(result.stderr == "1 notebook, 2 claims: 2 passed, 0 failed\n")
    }

    @Test func checkPrintsOneErrorWithItsValuesAndCaretThenTheSummary() throws {
        let folder = try Kernelbook.folder(["Notebooks/shapes.md": Self.oneFailure])
        let result = try Kernelbook.run(["check"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            Notebooks/shapes.md:6:9: error: expectation failed: y.shape == [30, 30, 16]
              y.shape → [32, 32, 16]
            #expect(y.shape == [30, 30, 16])
                    ^~~~~~~~~~~~~~~~~~~~~~~
            1 notebook, 1 claim: 0 passed, 1 failed

            """)
    }

    @Test func checkPassesAGoodNotebookAndFoldersOfThem() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": Self.lesson, "Notebooks/b.md": Self.lesson, "c.md": Self.lesson])
        let result = try Kernelbook.run(["check", "Notebooks", "c.md"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "3 notebooks, 6 claims: 6 passed, 0 failed\n")
    }

    @Test(arguments: [["check", "missing.md"], ["check", "Notebooks", "missing.md"], ["run", "missing.md"]])
    func anUnreadablePathExitsWithTwo(arguments: [String]) throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": Self.lesson])
        let result = try Kernelbook.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot read 'missing.md': no such file or directory\n")
    }

    @Test func checkCanReportJSON() throws {
        let folder = try Kernelbook.folder(["shapes.md": Self.oneFailure])
        let result = try Kernelbook.run(["check", "shapes.md", "--format", "json"], in: folder)
        #expect(result.status == 1)
        assertSnapshot(result.stdout, named: "check-one-failure.json")
    }
}
