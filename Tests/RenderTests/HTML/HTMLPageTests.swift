import Foundation
import Cells
import Notebook
import Testing
import TestSupport
@testable import Render
import Outputs

/// A notebook with one of every kind of output, run by hand so the page is tested on its own.
func sampleExecutedNotebook() -> ExecutedNotebook {
    let notebook = Notebook(parsing: """
        # Day 03: Convolutional Neural Networks

        A 3×3 conv on a 32×32×3 image has `\\(conv.parameterCount)` parameters:
        `#expect(conv.parameterCount == 448)`, and `#expect(y.shape == [32, 32, 16])`.

        ## Shapes

        ```swift
        //| label: conv
        let conv = Conv2D(filters: 16, kernel: 3)
        print("input", x.shape)
        y.shape
        #expect(y.shape == [30, 30, 16])
        ```

        ```swift
        //| echo: false
        //| caption: The model, layer by layer
        #summary(model, input: [32, 32, 3])
        ```

        ### Pictures

        ```swift
        //| output: false
        #show(maps)
        #expect(1 == 2)
        ```

        ```swift
        //| caption: Two maps
        #show(maps)
        ```

        ```swift
        //| error: "does not fit"
        Conv2D(filters: 1, kernel: 5)(Tensor.zeros([3, 3, 1]))
        ```

        ```swift
        //| eval: false
        let never = 1
        ```

        ```swift
        let z = w
        ```
        """, path: "Notebooks/day03.md")
    var executed = ExecutedNotebook(unexecuted: notebook)
    let file = notebook.path
    func at(_ line: Int, _ column: Int) -> Outputs.SourceLocation { .init(file: file, line: line, column: column) }
    let failing = ClaimResult(kind: .expect, condition: "y.shape == [30, 30, 16]", location: at(13, 9), length: 23,
                              passed: true)
    executed.cells[0] = ExecutedCell(status: .completed, executionCount: 1, outputs: [
        .text("input [32, 32, 3]\n"), .value("[30, 30, 16]"), .claim(failing),
    ])
    executed.cells[1] = ExecutedCell(status: .completed, executionCount: 2, outputs: [
        .table(Table(title: "Sequential", columns: [.init("Layer"), .init("Output shape"), .init("Params", alignment: .right)],
                     rows: [["Conv2D", "[30, 30, 16]", "448"], ["<b>x</b>", "[1]", "0"]],
                     footer: ["Total params: 448"])),
    ])
    let maps = Figure(style: .heatmap(low: -1, high: 1), panels: [
        .init(label: "channel 0", width: 2, height: 2, values: [-1, 0, 0.5, 1]),
        .init(label: "channel 1", width: 2, height: 2, values: [1, 1, -1, -1]),
    ], alt: "2 feature maps of 2×2")
    executed.cells[2] = ExecutedCell(status: .completed, executionCount: 3, outputs: [
        .figure(maps),
        .claim(ClaimResult(kind: .expect, condition: "1 == 2", location: at(27, 9), length: 6, passed: false)),
    ])
    var flashlight = maps
    flashlight.panels[0].windows = [.init(row: 0, column: 1, height: 2, width: 1)]
    var diagram = ModelDiagram(input: [32, 32, 3])
    diagram.append("Conv2D 3×3 · 16, ReLU", shape: [30, 30, 16], parameters: 448)
    diagram.append("MaxPool2D 2×2", shape: [15, 15, 16], parameters: 0)
    diagram.append("Flatten", shape: [3600], parameters: 0)
    diagram.append("Dense 10", shape: [10], parameters: 36_010)
    diagram.alt = "a model from 32×32×3 to 10"
    executed.cells[3] = ExecutedCell(status: .completed, executionCount: 4, outputs: [.figure(flashlight), .diagram(diagram)])
    executed.cells[4] = ExecutedCell(status: .failedAsExpected, executionCount: 5, outputs: [
        .diagnostic(.error("Conv2D: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1",
                           at: at(37, 1), length: 29)),
    ])
    executed.cells[6] = ExecutedCell(status: .failed, executionCount: 6, outputs: [
        .diagnostic(.error("cannot find 'w' in scope", at: at(46, 9), length: 1)),
    ])
    executed.inline = [
        .value("448"),
        .claim(ClaimResult(kind: .expect, condition: "conv.parameterCount == 448", location: at(3, 2), length: 26, passed: true)),
        .claim(ClaimResult(kind: .expect, condition: "y.shape == [32, 32, 16]", location: at(3, 41), length: 23, passed: false,
                           values: [.init("y.shape", "[30, 30, 16]")])),
    ]
    // As the runner colours cells for HTML.
    for index in executed.cells.indices {
        executed.cells[index].highlightedCode = highlight(notebook.cells[index].displayedCode)
    }
    return executed
}

@Suite struct HTMLPageTests {
    @Test func aPageWithEveryKindOfOutputMatchesItsSnapshot() {
        let page = HTMLPage(sampleExecutedNotebook(), styles: .linked("assets/kernelbook.css"),
                            navigation: .init(index: .init(title: "All lessons", href: "index.html"),
                                              previous: .init(title: "Day 02: MLPs", href: "day02-mlp.html")))
        assertSnapshot(page.render(), named: "day03-sample.html")
    }

    @Test func aStandalonePageEmbedsItsStylesheetAndHasNoPager() {
        let html = HTMLPage(sampleExecutedNotebook()).render()
        #expect(html.contains("<style>\n:root {"))
        #expect(!html.contains("<link rel=\"stylesheet\""))
        #expect(!html.contains("class=\"pager\""))
    }

    @Test func aPageWrittenToAFileIsThePageRendered() throws {
        let page = HTMLPage(sampleExecutedNotebook(), styles: .linked("k.css"))
        let path = FileManager.default.temporaryDirectory.path + "/kernelbook-page-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try page.write(to: path)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: written, as: UTF8.self) == page.render())
        #expect(page.render().hasPrefix("<!DOCTYPE html>") && page.render().hasSuffix("</html>\n"))
    }

    @Test func renderingIsByteIdenticalRunToRun() {
        #expect(HTMLPage(sampleExecutedNotebook()).render() == HTMLPage(sampleExecutedNotebook()).render())
    }

    @Test func theHeaderCountsFailedClaimsInCellsAndProse() {
        let html = HTMLPage(sampleExecutedNotebook()).render()
        #expect(html.contains("<span class=\"status\"><span class=\"bad\">✗ 2 of 4 claims failed</span></span>"))
    }

    @Test func hiddenOutputsStillShowFailures() {
        let html = HTMLPage(sampleExecutedNotebook()).render()
        let cell = html.slice(from: "id=\"cell-3\"", to: "</section>")
        #expect(cell.contains("<div class=\"claim fail\">"))
        #expect(!cell.contains("<figure"))
    }

    @Test func theCaptionGoesUnderAllOfTheCellsOutputs() {
        let html = HTMLPage(sampleExecutedNotebook()).render()
        #expect(html.slice(from: "id=\"cell-2\"", to: "</section>").hasSuffix("</table></div>\n<p class=\"caption\">The model, layer by layer</p>\n</div>\n</section>"))
        #expect(html.slice(from: "id=\"cell-4\"", to: "</section>").contains("</svg></div>\n<p class=\"caption\">Two maps</p>\n</div>"))
        #expect(html.slice(from: "id=\"cell-4\"", to: "</section>").contains("<figcaption>2 feature maps of 2×2</figcaption>"))
    }
}

extension String {
    /// The text from the first `start` to the next `end` after it (empty if absent).
    func slice(from start: String, to end: String) -> String {
        guard let a = range(of: start), let b = self[a.upperBound...].range(of: end) else { return "" }
        return String(self[a.lowerBound..<b.upperBound])
    }
}
