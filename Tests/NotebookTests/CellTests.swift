import Cells
import Testing
import TestSupport
@testable import Notebook

@Suite struct InlineCodeTests {
    @Test func inlineCodeIsLocatedInsideListsQuotesAndPaddedSpans() {
        let source = MarkedSource("""
            # T

            - item `1️⃣\\(a)` and
              then `2️⃣#expect(b)`

            > quoted `` 3️⃣\\(c) ``

            | not | a table in cmark |
            `4️⃣#require(d)` starts a line
            """)
        let notebook = Notebook(parsing: source.text, path: "t.md")
        let found = notebook.inlineCode.map { "\($0.location.line):\($0.location.column) \($0.code)" }
        let expected = [("1️⃣", "\\(a)"), ("2️⃣", "#expect(b)"), ("3️⃣", "\\(c)"), ("4️⃣", "#require(d)")].map { marker, code in
            "\(source.locations[marker]!.line):\(source.locations[marker]!.column) \(code)"
        }
        #expect(found == expected)
    }

    @Test func inlineCodeIsFoundAmongParagraphsWithoutAny() {
        let text = "# T\n\nfirst `\\(a)`\n\nplain `x`\n\nplain\ntext\n\nthen `#expect(b)`\n\n- more\n\n  `\\(c)`\n"
        #expect(Notebook(parsing: text, path: "t.md").inlineCode.map(\.code) == ["\\(a)", "#expect(b)", "\\(c)"])
    }

    @Test(arguments: [("\\(x)", InlineCode.Kind?.some(.value)), ("#expect(a)", .claim), ("#require(a)", .claim),
                      ("\\(x", nil), ("#expected", nil), ("x", nil), ("#show(x)", nil)])
    func onlyValuesAndClaimsAreEvaluated(code: String, kind: InlineCode.Kind?) {
        #expect(InlineCode.kind(of: code) == kind)
    }
}
