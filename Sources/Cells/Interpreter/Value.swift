internal import Kernels
internal import Layers

/// A value of the cell language.
///
/// Numbers follow Swift: `Int` (64-bit, overflow is an error), `Double`, and `Float` for tensor
/// scalars (`t.mean()`), which prints as Swift prints a `Float` (`0.33333334`).
enum Value {
    /// What a statement or a call without a result gives; never displayed.
    case void
    case int(Int)
    case double(Double)
    case float(Float)
    case bool(Bool)
    case string(String)
    case array([Value])
    case range(IntRange)
    case function(Function)
    /// A built-in type used as a value: `Tensor` in `Tensor.zeros(…)`, `Conv2D` in `Conv2D(…)`.
    case type(BuiltinType)
    /// `.same` before the parameter it is passed to gives it a type.
    case symbol(String)
    /// A tensor, counted against the notebook's budget of live tensor elements while it exists.
    case tensor(TensorBox)
    /// A layer or model: a reference, as a Swift class (`conv.weights = k` changes it for every name).
    case layer(any Layer)
    /// `.valid`, `.same` or `.explicit(n)` once a parameter made it one.
    case padding(Padding)
    /// A small read-only structure with named fields, such as a receptive field.
    case record(Record)
}

/// A read-only structure with named fields (`field.height`) and a display (`5×5, jump 2`).
final class Record {
    /// Its Swift type name, for diagnostics.
    let typeName: String
    /// The fields by name.
    let fields: [String: Value]
    /// How it displays.
    let text: String

    init(_ typeName: String, fields: [String: Value], text: String) {
        self.typeName = typeName
        self.fields = fields
        self.text = text
    }
}

/// A tensor held by a value, counted in its ledger from creation to release.
final class TensorBox {
    /// The tensor; written in place only when the box is uniquely referenced.
    var tensor: Tensor
    private let ledger: TensorLedger

    init(_ tensor: Tensor, ledger: TensorLedger) {
        self.tensor = tensor
        self.ledger = ledger
        ledger.liveElements += tensor.count
    }

    deinit {
        ledger.liveElements -= tensor.count
    }
}

/// How many tensor elements a notebook's values hold at once, so that a loop keeping tensors
/// (`a.append(Tensor.zeros(…))`) stops at a budget instead of exhausting memory.
final class TensorLedger {
    var liveElements = 0
}

/// A range of integers in any of Swift's five forms.
struct IntRange: Hashable {
    /// The first bound, or nil for `..<b` and `...b`.
    var lower: Int?
    /// The last bound, or nil for `a...`.
    var upper: Int?
    /// Whether `upper` is included (`...`) rather than excluded (`..<`).
    var isClosed: Bool

    /// Swift's type name for this form of range.
    var typeName: String {
        switch (lower, upper) {
        case (.some, .some): isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case (.some, nil): "PartialRangeFrom<Int>"
        case (nil, _): isClosed ? "PartialRangeThrough<Int>" : "PartialRangeUpTo<Int>"
        }
    }

    /// The range as Swift writes it: `0..<3`, `1...3`, `2...`, `..<5`.
    var description: String {
        let low = lower.map(String.init) ?? ""
        let high = upper.map(String.init) ?? ""
        return low + (isClosed || upper == nil ? "..." : "..<") + high
    }

    /// The half-open bounds within a collection of `count` elements, or nil if the range does not fit.
    func bounds(in count: Int) -> Range<Int>? {
        let low = lower ?? 0
        var high = upper ?? count
        if isClosed && upper != nil {
            guard high < Int.max else { return nil }
            high += 1
        }
        guard low >= 0, low <= high, high <= count else { return nil }
        return low..<high
    }

    /// How many integers a bounded range holds, or nil for a partial one.
    var count: Int? {
        guard let lower, let upper else { return nil }
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        guard !overflow else { return Int.max }
        return max(0, isClosed ? (span == Int.max ? Int.max : span + 1) : span)
    }
}

/// A function value: declared in a cell, a closure, or a built-in (bound to its receiver for methods).
final class Function {
    enum Kind {
        case declared(FunctionDecl, Scope)
        /// A function as its declaring scope holds it: looking it up gives `.declared` with that
        /// scope, so the scope does not hold itself.
        case local(FunctionDecl)
        case closure(Closure, Scope)
        case builtin(Builtin, receiver: Value?)
        /// `+` in `reduce(0, +)`.
        case binaryOperator(BinaryOperator)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// What a diagnostic calls it: `f(_:b:)`, `closure`, `Conv2D`.
    var name: String {
        switch kind {
        case .declared(let decl, _), .local(let decl): decl.name
        case .closure: "closure"
        case .builtin(let builtin, _): builtin.name
        case .binaryOperator(let op): op.rawValue
        }
    }
}
