import Testing
@testable import Notebook

@Suite struct ProseHTMLTests {
    @Test func countsUTF8BytesAndGivesBackItsText() {
        let html = ProseHTML("<p>a×b</p>")
        #expect(html.count == 11)  // 3 + 1 + 2 (×) + 1 + 4
        #expect(html.text == "<p>a×b</p>" && html.description == "<p>a×b</p>")
    }

    @Test func piecesAreEqualWhenTheirBytesAre() {
        let parsed = Notebook(parsing: "para\n", path: "t.md").body
        #expect(parsed == [.html("<p>para</p>\n")])
        #expect(Set<ProseHTML>(["x", ProseHTML("x"), "y"]).count == 2)
        #expect(ProseHTML("") == "" && ProseHTML("a") != "b")
    }

    @Test func piecesOfOnePageOutliveTheNotebookTheyCameFrom() {
        var body: [Notebook.Segment] = []
        do {
            body = Notebook(parsing: "before\n\n```swift\nlet a = 1\n```\n\nafter\n", path: "t.md").body
        }
        #expect(body == [.html("<p>before</p>\n"), .cell(0), .html("\n<p>after</p>\n")])
    }

    @Test func aLargePageKeepsCmarksOwnBuffer() {
        // Over 64 KB of HTML: the buffer is taken from cmark's arena rather than copied.
        var body: [Notebook.Segment] = []
        do {
            body = Notebook(parsing: String(repeating: "word ", count: 20_000) + "\n\n```swift\n1\n```\n", path: "t.md").body
        }
        let paragraph = "<p>" + String(repeating: "word ", count: 19_999) + "word</p>\n"
        // cmark ends a custom block (the cell's hole) with a line break.
        #expect(body.count == 3 && body == [.html(ProseHTML(paragraph)), .cell(0), .html("\n")])
    }
}
