import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterCallsTests {
    @Test func functionsTakeLabelsDefaultsAndRecursion() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func outSize(_ n: Int, kernel: Int, stride: Int = 1, padding: Int = 0) -> Int {
                (n - kernel + 2 * padding) / stride + 1
            }
            func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
            [outSize(32, kernel: 3), outSize(32, kernel: 3, padding: 1), outSize(32, kernel: 3, stride: 2), fib(15)]
            """) == "= [30, 32, 15, 610]")
    }

    @Test func functionsDeclaredLaterInTheCellCanBeCalled() {
        var notebook = Notebook()
        #expect(notebook.transcript("let a = twice(4)\nfunc twice(_ x: Int) -> Int { 2 * x }\na") == "= 8")
    }

    @Test func closuresCaptureTheirScopeByReference() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var count = 0
            let bump = { count += 1 }
            bump()
            bump()
            func makeAdder(_ n: Int) -> (Int) -> Int { { x in x + n } }
            let add5 = makeAdder(5)
            [count, add5(1), [1, 2, 3].map { $0 * $0 }.reduce(0, +)]
            """) == "= [2, 6, 14]")
    }

    @Test func higherOrderMethodsTakeClosures() {
        var notebook = Notebook()
        #expect(notebook.transcript("(1...10).filter { $0 % 3 == 0 }.map { x in x * 10 }") == "= [30, 60, 90]")
        #expect(notebook.transcript("[3, 1, 2].sorted().reversed()") == "= [3, 2, 1]")
        #expect(notebook.transcript("[1, 2, 3].reduce(0) { $0 + $1 }") == "= 6")
        #expect(notebook.transcript("[[1, 2], [3]].map { $0.count }") == "= [2, 1]")
    }

    /// Calls that do not fit, with the error Swift would give and the accepted form.
    static let mismatches: [(String, String)] = [
        ("f(1️⃣b: 1, a: 2)", "f has no argument 'b'; expected f(a:c:)"),
        ("f(a: 1, 1️⃣2)", "extra argument in call; expected f(a:c:)"),
        ("1️⃣f()", "missing argument for parameter 'a' in call; expected f(a:c:)"),
        ("f(1️⃣1)", "missing argument label 'a:' in call; expected f(a:c:)"),
        ("f(a: 1, c: 2, 1️⃣c: 3)", "argument 'c' is out of order or repeated; expected f(a:c:)"),
        ("f(a: 1️⃣\"one\")", "cannot convert value of type 'String' to expected argument type 'Int'"),
        ("g(1️⃣x: 1)", "extraneous argument label 'x:' in call; expected g(_:)"),
        ("let n = 1\nlet m = 1️⃣n(2)", "cannot call value of non-function type 'Int'"),
    ]

    @Test(arguments: mismatches)
    func callsThatDoNotFitSayWhatIsAccepted(_ call: String, _ message: String) {
        assertDiagnostics(call, ["1️⃣": message],
                          setup: ["func f(a: Int, c: Int = 0) -> Int { a + c }\nfunc g(_ x: Int) -> Int { x }"])
    }

    /// Built-in calls of one argument that do not fit their first form, with Swift's error.
    static let builtinMismatches: [(String, String)] = [
        ("Double(1️⃣x: 1)", "extraneous argument label 'x:' in call; expected Double(_:)"),
        ("Tensor.zeros(1️⃣\"a\")", "cannot convert value of type 'String' to expected argument type '[Int]'"),
        ("let t = Tensor.zeros([2, 2])\nt.reshaped(1️⃣shape: [4])", "extraneous argument label 'shape:' in call; expected reshaped(_:)"),
        ("let n = 1\nlet m = 1️⃣n(2.5)", "cannot call value of non-function type 'Int'"),
    ]

    @Test(arguments: builtinMismatches)
    func oneArgumentBuiltinCallsThatDoNotFitSayWhatIsAccepted(_ call: String, _ message: String) {
        assertDiagnostics(call, ["1️⃣": message])
    }

    @Test func oneArgumentBuiltinCallsConvertAsSwiftDoes() {
        var notebook = Notebook()
        #expect(notebook.transcript("[Double(3), Double(-2), Double(\"0.5\")]") == "= [3.0, -2.0, 0.5]")
        #expect(notebook.transcript("[Int(2.7), Int(-2.7), Int(true)]") == "= [2, -2, 1]")
        #expect(notebook.transcript("Tensor.zeros([2, 3]).reshaped([3, 2]).shape") == "= [3, 2]")
    }

    @Test func aFunctionMustReturnItsDeclaredType() {
        assertDiagnostics("func 1️⃣f() -> Int { print(1) }\nf()", [
            "1️⃣": "missing return in global function expected to return 'Int'",
        ])
        assertDiagnostics("func f() -> Int { return \"x\" }\n1️⃣f()", [
            "1️⃣": "cannot convert value of type 'String' to return type 'Int'",
        ])
    }

    @Test func closureArityMustMatchItsUse() {
        assertDiagnostics("[1, 2].map 1️⃣{ a, b in a }", [
            "1️⃣": "contextual closure type expects 1 argument, but 2 were used in closure body",
        ])
    }

    @Test func unknownNamesAndMembersAreLocated() {
        assertDiagnostics("let y = 1️⃣x + 1", ["1️⃣": "cannot find 'x' in scope"])
        assertDiagnostics("let n = 1️⃣[1].size", ["1️⃣": "value of type '[Int]' has no member 'size'"])
        assertDiagnostics("let t = 1️⃣Tensor.empty([1])", ["1️⃣": "type 'Tensor' has no member 'empty'"])
    }
}
