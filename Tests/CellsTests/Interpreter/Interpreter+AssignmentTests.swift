import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterAssignmentTests {
    @Test func letConstantsCannotBeAssignedAsSwiftSays() {
        assertDiagnostics("let x = 1\n1️⃣x = 2", ["1️⃣": "cannot assign to value: 'x' is a 'let' constant"])
        assertDiagnostics("let a = [1]\n1️⃣a[0] = 2", ["1️⃣": "cannot assign through subscript: 'a' is a 'let' constant"])
        assertDiagnostics("let a = [1]\n1️⃣a.append(2)", [
            "1️⃣": "cannot use mutating member on immutable value: 'a' is a 'let' constant",
        ])
    }

    @Test func arraysAreValuesAndMutateInPlace() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var grid = [[0, 0], [0, 0]]
            let copy = grid
            grid[1][0] = 7
            grid[0] += [9]
            var list: [Int] = []
            for i in 0..<4 { list.append(i) }
            list.insert(-1, at: 0)
            let removed = list.remove(at: 2)
            list.append(contentsOf: [8, 9])
            [grid, copy, [list], [[removed, list.removeLast()]]]
            """) == "= [[[0, 0, 9], [7, 0]], [[0, 0], [0, 0]], [[-1, 0, 2, 3, 8, 9]], [[1, 9]]]")
    }

    @Test(arguments: [
        ("var n = 1\n1️⃣n.append(2)", "value of type 'Int' has no member 'append'"),
        ("var a = [1]\na.append(1️⃣missing)", "cannot find 'missing' in scope"),
        ("1️⃣unknown.append(1)", "cannot find 'unknown' in scope"),
        ("let f = 1\nvar a = [f]\n1️⃣f.append(a)", "cannot use mutating member on immutable value: 'f' is a 'let' constant"),
    ])
    func appendingOneElementFailsAsSwiftDoes(source: String, message: String) {
        assertDiagnostics(source, ["1️⃣": message])
    }

    @Test func appendKeepsEveryElementsTypeAndOrder() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            var a: [Double] = []
            for i in 0..<3 { a.append(Double(i) / 2) }
            var b = [[1]]
            b.append([2, 3])
            b[0].append(4)
            [a.count, b.count, b[0].count]
            """) == "= [3, 2, 2]")
    }

    @Test func aVariableKeepsItsType() {
        assertDiagnostics("var n = 1\nn = 1️⃣2.5", ["1️⃣": "cannot assign value of type 'Double' to type 'Int'; numbers of different types do not mix: convert one, as in 'Int(x)'"])
        var notebook = Notebook()
        #expect(notebook.transcript("var d = 1.5\nd = 2\nd") == "= 2.0")
    }

    @Test func indicesOutOfRangeAreErrorsNotTraps() {
        assertDiagnostics("var a = [1, 2]\na[1️⃣5] = 0", ["1️⃣": "index 5 is out of range for an array of 2 elements"])
        assertDiagnostics("let a = [1, 2]\nlet b = a[1️⃣-1]", ["1️⃣": "index -1 is out of range for an array of 2 elements"])
        assertDiagnostics("var a: [Int] = []\n1️⃣a.removeLast()", ["1️⃣": "cannot 'removeLast()' from an empty array"])
    }

    @Test func underscoreDiscardsAValue() {
        var notebook = Notebook()
        #expect(notebook.transcript("_ = 1 + 1\nlet _ = 2") == "")
    }

    @Test func arraySlicesUseRanges() {
        var notebook = Notebook()
        #expect(notebook.transcript("let a = [1, 2, 3, 4]\n[a[1..<3], a[2...], a[..<1]]") == "= [[2, 3], [3, 4], [1]]")
    }
}
