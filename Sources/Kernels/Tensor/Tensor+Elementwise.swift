/// A function applied to every element of a tensor on its own.
public enum ElementwiseFunction: String, Sendable, CaseIterable {
    /// |x|.
    case abs
    /// √x (IEEE, correctly rounded; NaN below 0).
    case sqrt
    /// eˣ, with the project's own exp (about one ulp).
    case exp
    /// ln x, with the project's own logarithm: −∞ at 0, NaN below 0.
    case log
    /// x².
    case square
}

/// A comparison made element by element, giving a mask of 1 where it holds and 0 elsewhere.
public enum Comparison: String, Sendable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
}

extension Tensor {
    /// `function` of every element.
    public func applying(_ function: ElementwiseFunction) -> Tensor {
        switch function {
        case .abs: mappedInLanes(ElementwiseLanes.Magnitude())
        case .sqrt: mappedInLanes(ElementwiseLanes.SquareRoot())
        case .exp: mappedInLanes(ElementwiseLanes.Exp())
        case .square: mappedInLanes(ElementwiseLanes.Square())
        case .log: Tensor(unchecked: shape, scalars.map { Float(ElementwiseFunction.log(Double($0))) })
        }
    }

    /// A mask of the comparison with `other`, 1 where it holds and 0 elsewhere, the shapes
    /// broadcast as NumPy does; a comparison with NaN holds only for `!=`.
    /// - Throws: `KernelsError` naming both shapes when they do not broadcast.
    public func compared(_ comparison: Comparison, _ other: Tensor) throws -> Tensor {
        try combined(with: other, verb: "compare", ElementwiseLanes.Compare(comparison: comparison))
    }

    /// A mask of the comparison of every element with `scalar`, 1 where it holds and 0 elsewhere.
    public func compared(_ comparison: Comparison, _ scalar: Float) -> Tensor {
        mappedInLanes(ElementwiseLanes.Compare(comparison: comparison, scalar: scalar))
    }

    /// The row-major position of the largest element, the first when several are equal (the
    /// first NaN when there is one, as NumPy does); nil for an empty tensor.
    public func argmax() -> Int? {
        Tensor.argmax(scalars.indices.lazy.map { self.scalars[$0] })
    }

    /// The position of the largest element along `axis` (negative counts from the last), for
    /// each position of the other axes, as `Float`s in a tensor without that axis.
    /// - Throws: `KernelsError` when the axis is out of range or has size 0.
    public func argmax(axis: Int) throws -> Tensor {
        let axis = try Tensor.axis(axis, rank: rank, operation: "argmax")
        let size = shape[axis]
        guard size > 0 else {
            throw KernelsError("argmax: axis \(axis) of shape \(shape) is empty, so it has no largest element")
        }
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        var result: [Float] = []
        result.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                result.append(Float(Tensor.argmax((0..<size).lazy.map { self.scalars[base + $0 * inner] })!))
            }
        }
        var reduced = shape
        reduced.remove(at: axis)
        return Tensor(unchecked: reduced, result)
    }

    /// The position of the first largest value, or of the first NaN.
    private static func argmax<Values: Collection>(_ values: Values) -> Int? where Values.Element == Float {
        var best: Int?
        var bestValue = -Float.infinity
        for (i, x) in values.enumerated() {
            if x.isNaN { return i }
            if best == nil || x > bestValue { (best, bestValue) = (i, x) }
        }
        return best
    }

    /// `axis` checked against `rank` (negative counts from the last), as a position from 0.
    static func axis(_ axis: Int, rank: Int, operation: String) throws -> Int {
        guard (-rank..<rank).contains(axis) else {
            throw KernelsError("\(operation): axis \(axis) is out of range for a tensor of rank \(rank) "
                               + "(axes \(-rank)..<\(rank) for rank \(rank))")
        }
        return axis < 0 ? axis + rank : axis
    }
}

/// The element-wise functions as lane functions.
enum ElementwiseLanes {
    struct Magnitude: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { Transcendentals.magnitude(x) }
    }

    struct SquareRoot: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { x.squareRoot() }
    }

    struct Exp: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { Transcendentals.exp(x) }
    }

    struct Square: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { x * x }
    }

    struct Compare: LaneFunction, LaneFunction2 {
        let comparison: Comparison
        var scalar: Float = 0

        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector {
            self(x, Lanes.Vector(repeating: scalar))
        }

        @inline(__always) func callAsFunction(_ a: Lanes.Vector, _ b: Lanes.Vector) -> Lanes.Vector {
            let holds: SIMDMask<SIMD16<Int32>> = switch comparison {
            case .less: a .< b
            case .lessOrEqual: a .<= b
            case .greater: a .> b
            case .greaterOrEqual: a .>= b
            case .equal: a .== b
            case .notEqual: a .!= b
            }
            return Lanes.Vector(repeating: 0).replacing(with: 1, where: holds)
        }
    }
}

extension ElementwiseFunction {
    /// The function of one `Double`, with the project's own exp and log (as the tensor op,
    /// without its rounding to `Float`).
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .abs: Swift.abs(x)
        case .sqrt: x.squareRoot()
        case .exp: Transcendentals.exp(x)
        case .square: x * x
        case .log:
            if x.isNaN || x < 0 { .nan } else if x == 0 { -.infinity } else if x == .infinity { .infinity }
            else { Transcendentals.log(x) }
        }
    }
}
