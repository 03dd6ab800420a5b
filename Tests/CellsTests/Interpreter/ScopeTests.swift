import Testing
@testable import Cells
import TestSupport

/// Closures capture variables, not scopes: a scope ends with its block, whatever closures or
/// functions it made, and what it held is released (the tensor ledger shows it).
@Suite struct ScopeTests {
    @Test func aClosureInALocalVariableDoesNotKeepItsScopeAlive() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func f() -> Int {
                let t = Tensor.zeros([100])
                let g = { t.count }
                return g()
            }
            func h() -> Int {
                let t = Tensor.zeros([100])
                func inner() -> Int { t.count }
                return inner()
            }
            [f(), h(), f()]
            """) == "= [100, 100, 100]")
        #expect(notebook.interpreter.ledger.liveElements == 0)
    }

    @Test func anEscapingLocalFunctionKeepsItsVariables() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func makeCounter() -> () -> Int {
                var count = 0
                func next() -> Int {
                    count += 1
                    return count
                }
                return next
            }
            let counter = makeCounter()
            let other = makeCounter()
            [counter(), counter(), other(), counter()]
            """) == "= [1, 2, 1, 3]")
    }

    @Test func closuresShareTheVariablesTheyCapture() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func pair() -> [() -> Int] {
                var n = 0
                return [{ n += 10; return n }, { n }]
            }
            let fs = pair()
            let a = fs[0]()
            [a, fs[1]()]
            """) == "= [10, 10]")
    }

    @Test func eachIterationBindsFreshVariablesEvenWhenClosuresKeepSome() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var kept: [() -> Int] = []
            for i in 0..<4 {
                var twice = i * 2
                if i % 2 == 0 { kept.append({ twice }) }
                twice += 100
            }
            kept.map { $0() }
            """) == "= [100, 104]")
        assertDiagnostics("""
            for i in 0..<2 {
                if i == 0 { var x = 1; x += 1 } else { let y = 2; 1️⃣y = 3 }
            }
            """, ["1️⃣": "cannot assign to value: 'y' is a 'let' constant"])
        assertDiagnostics("""
            for i in 0..<2 {
                let y = i
                if i == 1 { 1️⃣y = 3 }
                var x = y
                x = 5
            }
            """, ["1️⃣": "cannot assign to value: 'y' is a 'let' constant"])
    }

    @Test func aNotebookReleasesItsValuesWhenItEnds() {
        var ledger: TensorLedger?
        do {
            var notebook = Notebook()
            _ = notebook.run("let t = Tensor.zeros([50])\nfunc size() -> Int { t.count }")
            ledger = notebook.interpreter.ledger
            #expect(ledger?.liveElements == 50)
        }
        #expect(ledger?.liveElements == 0)
    }

    @Test func arraysCannotNestWithoutBound() {
        assertDiagnostics("var a = [0]\nfor i in 0..<100 { a = 1️⃣[a] }", [
            "1️⃣": "arrays nested deeper than 64 levels are not supported in cells",
        ])
    }

    @Test func aBlockShadowsOuterNamesButRejectsItsOwnRedeclaration() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let x = 1
            var seen: [Int] = []
            for i in 0..<2 {
                let x = i * 10
                seen.append(x)
            }
            seen + [x]
            """) == "= [0, 10, 1]")
        assertDiagnostics("for i in 0..<2 {\n    let y = i\n    let 1️⃣y = 2\n}", ["1️⃣": "invalid redeclaration of 'y'"])
    }

    @Test func aVariableNamedLikeABuiltInHidesItOnlyWhereItIsBound() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var results: [Int] = [abs(-1)]
            for i in 0..<2 {
                if i == 1 {
                    let abs = 7
                    results.append(abs)
                }
                results.append(abs(-2))
            }
            let max = 5
            results + [max, [3, 4].map { min in min * 2 }[1]]
            """) == "= [1, 2, 7, 2, 5, 8]")
        assertDiagnostics("var count: Int\nlet y = 1️⃣count", ["1️⃣": "variable 'count' used before being initialized"])
    }
}
