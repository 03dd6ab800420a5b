import Testing
@testable import Cells
import Outputs

@Suite struct InterpreterInlineTests {
    @Test func inlineCodeGivesAValueOnOneLine() {
        let interpreter = Interpreter(file: "a.md")
        _ = interpreter.run(CellProgram(source: "let conv = Conv2D(filters: 16, kernel: 3)\nlet y = conv(Tensor.zeros([32, 32, 3]))",
                                        file: "a.md", firstLine: 1))
        let at = Outputs.SourceLocation(file: "a.md", line: 9, column: 20)
        #expect(interpreter.evaluateInline("\\(conv.parameterCount)", at: at) == .value("448"))
        #expect(interpreter.evaluateInline("\\(y.shape)", at: at) == .value("[30, 30, 16]"))
        #expect(interpreter.evaluateInline("\\(\"text\")", at: at) == .value("text"))
    }

    @Test func inlineClaimsAreLocatedInTheProse() {
        let interpreter = Interpreter(file: "a.md")
        _ = interpreter.run(CellProgram(source: "let shape = [32, 32, 16]", file: "a.md", firstLine: 1))
        let at = Outputs.SourceLocation(file: "a.md", line: 9, column: 20)
        guard case .claim(let claim) = interpreter.evaluateInline("#expect(shape == [30, 30, 16])", at: at) else {
            Issue.record("not a claim")
            return
        }
        #expect(!claim.passed)
        #expect(claim.location == Outputs.SourceLocation(file: "a.md", line: 9, column: 28))
        #expect(claim.length == 21)
        #expect(claim.values == [.init("shape", "[32, 32, 16]")])
    }

    @Test func inlineErrorsAreLocatedInTheProse() {
        let interpreter = Interpreter(file: "a.md")
        let at = Outputs.SourceLocation(file: "a.md", line: 4, column: 11)
        guard case .failure(let diagnostic) = interpreter.evaluateInline("\\(nope + 1)", at: at) else {
            Issue.record("not a failure")
            return
        }
        #expect(diagnostic.message == "cannot find 'nope' in scope")
        #expect(diagnostic.location == Outputs.SourceLocation(file: "a.md", line: 4, column: 13))
        guard case .failure(let other) = interpreter.evaluateInline("1 + 1", at: at) else {
            Issue.record("not a failure")
            return
        }
        #expect(other.message == "inline code runs as '\\(expression)' or '#expect(condition)'")
    }

    @Test func inlineCodeSeesTheCellsAboveIt() {
        let interpreter = Interpreter(file: "a.md")
        let at = Outputs.SourceLocation(file: "a.md", line: 2, column: 1)
        guard case .failure = interpreter.evaluateInline("\\(later)", at: at) else {
            Issue.record("expected a failure before the cell runs")
            return
        }
        _ = interpreter.run(CellProgram(source: "let later = 7", file: "a.md", firstLine: 4))
        #expect(interpreter.evaluateInline("\\(later * 6)", at: at) == .value("42"))
    }

    @Test func aSyntaxErrorInInlineCodeIsLocatedInTheProse() {
        let interpreter = Interpreter(file: "a.md")
        let at = Outputs.SourceLocation(file: "a.md", line: 3, column: 7)
        guard case .failure(let diagnostic) = interpreter.evaluateInline("#expect(1 ==)", at: at) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.location.column == 19)
    }
}
