import Foundation
import Testing
import Autodiff
import Kernels

/// The rules built in Autodiff itself (arithmetic, broadcasting, reductions, subscripts, reshapes,
/// dropout) against float64 central differences of one-line references.
@Suite struct ElementwiseGradientTests {
    static let a = try! Tensor.randomUniform([2, 3, 4], low: 0.5, high: 2, seed: 1)
    static let b = try! Tensor.randomUniform([2, 3, 4], low: 0.5, high: 2, seed: 2)
    static let c = try! Tensor.randomUniform([4], low: 0.5, high: 2, seed: 3)
    static let dy = try! Tensor.randomUniform([2, 3, 4], low: -1, high: 1, seed: 4)

    /// ∂⟨f(x), dy⟩/∂x by central differences in Double.
    static func numeric(_ f: ([Double]) -> [Double], at x: [Double], dy: [Double], h: Double = 1e-6) -> [Double] {
        var point = x
        return x.indices.map { i in
            point[i] = x[i] + h
            let plus = zip(f(point), dy).reduce(0.0) { $0 + $1.0 * $1.1 }
            point[i] = x[i] - h
            let minus = zip(f(point), dy).reduce(0.0) { $0 + $1.0 * $1.1 }
            point[i] = x[i]
            return (plus - minus) / (2 * h)
        }
    }

    /// The gradients of ⟨f(a, b), dy⟩ recorded on a tape.
    static func recorded(_ a: Tensor, _ b: Tensor, dy: Tensor, _ f: (Variable, Variable) throws -> Variable) throws -> (Tensor, Tensor) {
        try gradient(at: a, b) { a, b in try (f(a, b) * Variable(dy)).sum() }
    }

    static func close(_ actual: Tensor, _ expected: [Double], tolerance: Double = 1e-5) -> Bool {
        zip(actual.scalars, expected).allSatisfy { abs(Double($0) - $1) <= tolerance * max(1, abs($1)) } && actual.count == expected.count
    }

    static let operations: [(String, @Sendable (Double, Double) -> Double)] = [("+", (+)), ("-", (-)), ("*", (*)), ("/", (/))]

    @Test(arguments: 0..<4)
    func sameShapeArithmeticMatchesFiniteDifferences(_ index: Int) throws {
        let (symbol, f) = Self.operations[index]
        let (a, b, dy) = (Self.a.scalars.map(Double.init), Self.b.scalars.map(Double.init), Self.dy.scalars.map(Double.init))
        let (ga, gb) = try Self.recorded(Self.a, Self.b, dy: Self.dy) { x, y in
            switch symbol { case "+": try x + y; case "-": try x - y; case "*": try x * y; default: try x / y }
        }
        #expect(Self.close(ga, Self.numeric({ zip($0, b).map(f) }, at: a, dy: dy)), "\(symbol)")
        #expect(Self.close(gb, Self.numeric({ zip(a, $0).map(f) }, at: b, dy: dy)), "\(symbol)")
    }

    @Test(arguments: 0..<4)
    func aVectorAlongTheLastAxisMatchesFiniteDifferences(_ index: Int) throws {
        let (symbol, f) = Self.operations[index]
        let (a, c, dy) = (Self.a.scalars.map(Double.init), Self.c.scalars.map(Double.init), Self.dy.scalars.map(Double.init))
        func apply(_ a: [Double], _ c: [Double]) -> [Double] { a.indices.map { f(a[$0], c[$0 % 4]) } }
        let (ga, gc) = try Self.recorded(Self.a, Self.c, dy: Self.dy) { x, y in
            switch symbol { case "+": try x + y; case "-": try x - y; case "*": try x * y; default: try x / y }
        }
        #expect(ga.shape == [2, 3, 4] && gc.shape == [4])
        #expect(Self.close(ga, Self.numeric({ apply($0, c) }, at: a, dy: dy)), "\(symbol)")
        #expect(Self.close(gc, Self.numeric({ apply(a, $0) }, at: c, dy: dy)), "\(symbol)")
        // The vector on the left as well.
        let (gl, _) = try Self.recorded(Self.c, Self.a, dy: Self.dy) { y, x in try y - x }
        #expect(Self.close(gl, Self.numeric({ c in a.indices.map { c[$0 % 4] - a[$0] } }, at: c, dy: dy)))
    }

    @Test(arguments: 0..<4)
    func operandsThatBothBroadcastMatchFiniteDifferences(_ index: Int) throws {
        // [2, 1, 4] with [3, 1]: each operand is repeated along an axis of the other.
        let (symbol, f) = Self.operations[index]
        let p = try Tensor.randomUniform([2, 1, 4], low: 0.5, high: 2, seed: 5)
        let q = try Tensor.randomUniform([3, 1], low: 0.5, high: 2, seed: 6)
        let (pd, qd, dy) = (p.scalars.map(Double.init), q.scalars.map(Double.init), Self.dy.scalars.map(Double.init))
        // Output [n, i, j] takes p[n, 0, j] and q[i, 0].
        func apply(_ p: [Double], _ q: [Double]) -> [Double] {
            (0..<24).map { o in f(p[(o / 12) * 4 + o % 4], q[(o / 4) % 3]) }
        }
        let (gp, gq) = try Self.recorded(p, q, dy: Self.dy) { x, y in
            switch symbol { case "+": try x + y; case "-": try x - y; case "*": try x * y; default: try x / y }
        }
        #expect(gp.shape == [2, 1, 4] && gq.shape == [3, 1])
        #expect(Self.close(gp, Self.numeric({ apply($0, qd) }, at: pd, dy: dy)), "\(symbol)")
        #expect(Self.close(gq, Self.numeric({ apply(pd, $0) }, at: qd, dy: dy)), "\(symbol)")
    }

    @Test func scalarsBroadcastAndFloatsScale() throws {
        let s = try Tensor(shape: [], scalars: [1.5])
        let (ga, gs) = try Self.recorded(Self.a, s, dy: Self.dy) { x, s in try (s / x) * 3 - 1 }
        let (a, dy) = (Self.a.scalars.map(Double.init), Self.dy.scalars.map(Double.init))
        #expect(Self.close(ga, Self.numeric({ $0.map { 1.5 / $0 * 3 - 1 } }, at: a, dy: dy)))
        #expect(Self.close(gs, Self.numeric({ s in a.map { s[0] / $0 * 3 - 1 } }, at: [1.5], dy: dy)))
        let g = try gradient(at: Self.a) { x in try (2 - (-x) / 4 + 1 / x).mean() }
        #expect(Self.close(g, Self.numeric({ [$0.map { 2 + $0 / 4 + 1 / $0 }.reduce(0, +) / 24] }, at: a, dy: [1])))
    }

    @Test func subscriptsAndReshapesSendTheGradientBack() throws {
        let (a, dy) = (Self.a.scalars.map(Double.init), Self.dy.scalars.map(Double.init))
        let g = try gradient(at: Self.a) { x in
            try (x.slice([.at(1), .range(0..<2)]).reshaped([8]) * Variable(Tensor(Array(Self.dy.scalars.prefix(8))))).sum()
        }
        // Elements [1, 0..<2, :] are offsets 12..<20 of the row-major array.
        #expect(Self.close(g, Self.numeric({ x in Array(x[12..<20]) }, at: a, dy: Array(dy.prefix(8)))))
        let flat = try gradient(at: Self.a) { x in try (flatten(x) * Variable(Tensor(Self.dy.scalars))).sum() }
        #expect(flat == Self.dy)
    }

    @Test func dropoutKeepsAndScalesTheSameElementsForwardAndBack() throws {
        let x = try Tensor.ones([1000])
        let tape = Tape()
        let v = tape.variable(x)
        let y = try dropout(v, rate: 0.25, seed: 9)
        let kept = y.value.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == Float(1) / Float(0.75) })
        #expect((700...800).contains(kept.count))
        let g = try tape.gradients(of: try y.sum(), withRespectTo: [v])[0]
        #expect(g == y.value)
        #expect(try dropout(Variable(x), rate: 0.25, seed: 9).value == y.value)
        #expect(try dropout(Variable(x), rate: 0.25, seed: 10).value != y.value)
        #expect(throws: AutodiffError("dropout: the rate must be at least 0 and less than 1, not 1.0")) { try dropout(v, rate: 1, seed: 0) }
    }

    @Test func mismatchedShapesAreExplained() throws {
        #expect(throws: AutodiffError(
            "cannot add values of shapes [2, 3, 4] and [3]: sizes matched from the last axis must be equal or 1")) {
            try Variable(Self.a) + Variable(Tensor([1, 2, 3]))
        }
        #expect(throws: AutodiffError("cannot add values of shapes [2, 3, 4] and [4]: the shapes must match")) {
            try add(Variable(Self.a), Variable(Self.c))
        }
        #expect(throws: AutodiffError("mean: the value [0] has no elements to average")) { try Variable(Tensor([Float]())).mean() }
    }
}
