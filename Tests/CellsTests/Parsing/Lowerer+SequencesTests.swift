import Testing
@testable import Cells
import TestSupport

/// Operator sequences folded while lowering must give the tree, spans and claim texts that
/// swift-syntax's operator folding gives (the reference: `foldingFirst` lowers its folded tree).
@Suite struct LowererSequencesTests {
    static let operands = ["a", "1", "2.5", "f(b)", "(b + c)", "-d", "xs[0]", "\"s\"", "t.shape[1]", "!e",
                           "[1, 2]", "g { $0 }"]
    static let operators = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "..<", "..."]
    static let assignments = ["=", "+=", "-=", "*=", "/=", "%="]

    /// The AST and diagnostics of `source`, dumped, lowered both ways.
    static func bothWays(_ source: String) -> (fast: String, reference: String) {
        func lowered(_ foldingFirst: Bool) -> String {
            let (statements, diagnostics, _) = CellProgram.lower(
                source: source, file: "a.md", firstLine: 7, columnOffsets: [], highlightingFrom: nil,
                foldingFirst: foldingFirst)
            var text = ""
            dump(statements, to: &text)
            dump(diagnostics.map(\.description), to: &text)
            return text
        }
        return (lowered(false), lowered(true))
    }

    /// A random sequence of up to `length` operators, with ternaries and line breaks now and then.
    static func sequence(_ generator: inout RobustnessTests.Generator, length: Int) -> String {
        var text = operands.randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 1...length, using: &generator) {
            if Int.random(in: 0..<8, using: &generator) == 0 {
                text += " ? \(operands.randomElement(using: &generator)!) + 1 : "
            } else {
                let op = operators.randomElement(using: &generator)!
                let space = Int.random(in: 0..<10, using: &generator) == 0 ? "\n    " : " "
                text += " \(op)\(space)"
            }
            text += operands.randomElement(using: &generator)!
        }
        return text
    }

    @Test(arguments: 0..<300)
    func randomSequencesFoldAsSwiftSyntaxFoldsThem(_ seed: UInt64) {
        var generator = RobustnessTests.Generator(state: seed)
        let value = Self.sequence(&generator, length: 6)
        let assignment = Self.assignments.randomElement(using: &generator)!
        let source = """
            let v = \(value)
            x \(assignment) \(Self.sequence(&generator, length: 3))
            #expect(\(Self.sequence(&generator, length: 5)))
            """
        let (fast, reference) = Self.bothWays(source)
        #expect(fast == reference, "\(source)")
    }

    @Test(arguments: [
        "let v = 1 + 2 * 3 - 4 / 5 % 6",
        "let v = a || b && c || d",
        "let v = a < b && c >= d || e == f",
        "let v = 0..<n + 1",
        "let v = c ? 1 : d ? 2 : 3",
        "x = y = z",
        "x += c ? 1 : 2",
        "#expect(1 + 2 * 3 == 7 && true)",
        "let v = 1 +\n    2 *\n    3",
    ])
    func knownSequencesFoldAsSwiftSyntaxFoldsThem(_ source: String) {
        let (fast, reference) = Self.bothWays(source)
        #expect(fast == reference)
    }

    /// These go to swift-syntax's folding: its diagnostics, exactly as before.
    @Test func sequencesItLeavesToSwiftSyntaxKeepItsDiagnostics() {
        assertDiagnostics("let v = a 1️⃣< b < c", [
            "1️⃣": "adjacent operators are in non-associative precedence group 'ComparisonPrecedence'",
        ])
        assertDiagnostics("let v = 1 1️⃣<> 2", ["1️⃣": "unknown infix operator '<>'"])
        assertDiagnostics("let v = 1 1️⃣<< 2", ["1️⃣": "operator '<<' is not supported in cells"])
        assertDiagnostics("let v = 1️⃣x as Int + 1", ["1️⃣": "'as' is not supported in cells"])
    }

    @Test func aLongChainIsOneExpression() {
        let source = "let v = " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
        let program = CellProgram(source: source, file: "a.md", firstLine: 1)
        #expect(program.diagnostics.isEmpty)
    }
}
