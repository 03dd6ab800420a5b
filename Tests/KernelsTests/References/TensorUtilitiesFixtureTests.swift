import Foundation
import Testing
import Kernels
import FixtureSupport

/// The tensor utilities against numpy (`Fixtures/TensorUtilities/make_tensor_fixtures.py`):
/// exact where numpy's result is exact in `Float`, within 1e-6 relative for the arithmetic and
/// 2e-7 relative for exp and log.
@Suite struct TensorUtilitiesFixtureTests {
    static let directory = Fixture.directory.appendingPathComponent("TensorUtilities")
    static let all = Fixture.all(in: directory)
    static func cases(_ op: String) -> [Fixture] { all.filter { $0.op == op } }

    @Test(arguments: cases("broadcast"))
    func broadcastArithmeticMatchesNumpy(_ fixture: Fixture) throws {
        let (a, b) = (try fixture.input("a"), try fixture.input("b"))
        #expect(isClose(try a.adding(b), try fixture.output("add"), tolerance: 1e-6))
        #expect(isClose(try a.subtracting(b), try fixture.output("subtract"), tolerance: 1e-6))
        #expect(isClose(try a.multiplying(b), try fixture.output("multiply"), tolerance: 1e-6))
        #expect(isClose(try a.dividing(b), try fixture.output("divide"), tolerance: 1e-6))
        // Either side may be the smaller one.
        #expect(isClose(try b.adding(a), try fixture.output("add"), tolerance: 1e-6))
        let gradient = try fixture.input("gradient")
        #expect(isClose(try gradient.summed(toShape: a.shape), try fixture.output("gradA"), tolerance: 1e-6))
        #expect(isClose(try gradient.summed(toShape: b.shape), try fixture.output("gradB"), tolerance: 1e-6))
    }

    @Test(arguments: cases("arange"))
    func arangeMatchesNumpy(_ fixture: Fixture) throws {
        let start = Double(fixture.float("start")), end = Double(fixture.float("end"))
        let step = fixture.name == "arange_tenths" ? 0.1 : Double(fixture.float("step"))
        #expect(try Tensor.arange(from: start, to: end, by: step) == fixture.output())
    }

    @Test(arguments: cases("stack"))
    func stackMatchesNumpy(_ fixture: Fixture) throws {
        let parts = try fixture.inputNames.map(fixture.input)
        #expect(try stack(parts, axis: fixture.int("axis")) == fixture.output())
    }

    @Test(arguments: cases("concat"))
    func concatMatchesNumpy(_ fixture: Fixture) throws {
        let parts = try fixture.inputNames.map(fixture.input)
        #expect(try concat(parts, along: fixture.int("axis")) == fixture.output())
    }

    @Test(arguments: cases("transpose"))
    func transposeMatchesNumpy(_ fixture: Fixture) throws {
        let axes = fixture.text("axes").split(separator: ",").map { Int($0)! }
        #expect(try fixture.input("x").transposed(axes) == fixture.output())
    }

    @Test(arguments: cases("assign"))
    func sliceAssignmentMatchesNumpy(_ fixture: Fixture) throws {
        let indices: [TensorIndex] = fixture.text("indices").split(separator: ",").map { part in
            let bounds = part.split(separator: ":").map { Int($0)! }
            return bounds.count == 2 ? .range(bounds[0]..<bounds[1]) : .at(bounds[0])
        }
        var x = try fixture.input("x")
        try x.assign(try fixture.input("values"), at: indices)
        #expect(x == (try fixture.output()))
    }

    @Test(arguments: cases("elementwise"))
    func elementwiseFunctionsMatchNumpy(_ fixture: Fixture) throws {
        let function = ElementwiseFunction(rawValue: fixture.text("function"))!
        let output = try fixture.input("x").applying(function)
        let expected = try fixture.output()
        switch function {
        case .exp, .log:
            #expect(isClose(output, expected, tolerance: 2e-7))
        default:
            #expect(output == expected)
        }
    }

    @Test(arguments: cases("argmax"))
    func argmaxMatchesNumpy(_ fixture: Fixture) throws {
        let x = try fixture.input("x")
        if fixture.name == "argmax_flat" {
            #expect(x.argmax().map { Float($0) } == (try fixture.output()).scalars[0])
        } else {
            #expect(try x.argmax(axis: fixture.int("axis")) == fixture.output())
        }
    }

    @Test(arguments: cases("compare") + cases("compareScalar"))
    func comparisonsMatchNumpy(_ fixture: Fixture) throws {
        let a = try fixture.input("a")
        for comparison in Comparison.allCases {
            let mask = fixture.op == "compare" ? try a.compared(comparison, try fixture.input("b"))
                : a.compared(comparison, fixture.float("scalar"))
            #expect(mask == (try fixture.output("\(comparison)")), "\(comparison)")
        }
    }
}

/// exp and log of one `Double` (the cell language's `exp(x)`, `log(x)`) against numpy, within
/// two ulps (`Fixtures/TensorUtilities/double.json`).
@Suite struct DoubleTranscendentalsTests {
    static let pairs: [String: [[Double]]] = {
        let url = TensorUtilitiesFixtureTests.directory.appendingPathComponent("double.json")
        return try! JSONDecoder().decode([String: [[Double]]].self, from: Data(contentsOf: url))
    }()

    @Test(arguments: ["exp", "log"])
    func matchesNumpyWithinTwoUlps(_ name: String) {
        let function = ElementwiseFunction(rawValue: name)!
        for pair in Self.pairs[name]! {
            let (x, expected) = (pair[0], pair[1])
            #expect(abs(function(x) - expected) <= 2 * expected.ulp, "\(name)(\(x))")
        }
        #expect(function(.nan).isNaN)
        #expect(ElementwiseFunction.exp(800) == .infinity && ElementwiseFunction.exp(-800) == 0)
        #expect(ElementwiseFunction.log(0) == -.infinity && ElementwiseFunction.log(-1).isNaN)
    }
}
