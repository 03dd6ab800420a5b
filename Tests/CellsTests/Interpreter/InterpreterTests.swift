import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterTests {
    @Test func cellsShareOneEnvironmentInDocumentOrder() {
        var notebook = Notebook()
        #expect(notebook.transcript("let x = 41") == "")
        #expect(notebook.transcript("var y = x + 1") == "")
        #expect(notebook.transcript("y += 1\ny") == "= 43")
    }

    @Test func onlyTheLastExpressionIsDisplayedAndVoidDisplaysNothing() {
        var notebook = Notebook()
        #expect(notebook.transcript("1\n2\n3") == "= 3")
        #expect(notebook.transcript("print(1)") == "| 1")
        #expect(notebook.transcript("let a = 1") == "")
    }

    @Test func printFollowsSwiftsSeparatorAndTerminatorAndJoinsText() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            print("a", 1, 2.5, true, separator: ", ")
            print("no newline", terminator: "")
            print(" joined")
            print()
            print([1, 2], ["x"])
            """) == """
            | a, 1, 2.5, true
            | no newline joined
            | 
            | [1, 2] ["x"]
            """)
    }

    @Test func valuesDisplayAsSwiftPrintsThem() {
        var notebook = Notebook()
        let cases: [(String, String)] = [
            ("49168", "= 49168"),
            ("0.1 + 0.2", "= 0.30000000000000004"),
            ("Float(1) / 3", "= 0.33333334"),
            ("1e-5", "= 1e-05"),
            ("\"hi\"", "= \"hi\""),
            ("[1, 2.5]", "= [1.0, 2.5]"),
            ("0..<3", "= 0..<3"),
            ("1...3", "= 1...3"),
            ("2...", "= 2..."),
            ("..<5", "= ..<5"),
            ("[\"a\", \"b\"]", "= [\"a\", \"b\"]"),
            ("true && !false", "= true"),
        ]
        for (source, expected) in cases {
            #expect(notebook.transcript(source) == expected, "\(source)")
        }
    }

    @Test func aCellMayRedeclareWhatAnEarlierCellDeclared() {
        var notebook = Notebook()
        _ = notebook.run("let x = 1")
        #expect(notebook.transcript("let x = 2\nx") == "= 2")
    }

    @Test func aRedeclarationWithinOneCellIsAnError() {
        assertDiagnostics("let x = 1\nlet 1️⃣x = 2", ["1️⃣": "invalid redeclaration of 'x'"])
    }

    @Test func aFailedCellKeepsTheOutputsBeforeItsError() {
        var notebook = Notebook()
        #expect(notebook.transcript("print(\"before\")\nlet y = missing\nprint(\"after\")") == """
            | before
            error 2:9: cannot find 'missing' in scope
            (failed)
            """)
    }
}
