internal import Kernels
internal import Layers

/// A call of a built-in: the matched arguments, the receiver of a method, and where it happens.
struct Invocation {
    /// The interpreter running the call, for seeds, budgets, outputs and calling closures.
    let interpreter: Interpreter
    /// The built-in's name.
    let name: String
    /// The receiver of a method call (`t` in `t.reshaped(…)`), nil otherwise.
    let receiver: Value?
    /// Which of the built-in's signatures matched.
    let form: Int
    /// One value per parameter of that signature; nil where an optional one was left out.
    var arguments: [Value?]
    /// Where each argument's value is, or the call's place where it was left out.
    let spans: [Span]
    /// Where the call is.
    let span: Span

    /// The value of parameter `i`, which must be present.
    func value(_ i: Int) -> Value {
        guard let value = arguments[i] else { preconditionFailure("parameter \(i) has no value") }
        return value
    }

    func int(_ i: Int) -> Int {
        guard case .int(let n) = value(i) else { preconditionFailure("parameter \(i) is not an Int") }
        return n
    }

    func optionalInt(_ i: Int) -> Int? {
        arguments[i] == nil ? nil : int(i)
    }

    func double(_ i: Int) -> Double {
        guard case .double(let x) = value(i) else { preconditionFailure("parameter \(i) is not a Double") }
        return x
    }

    func float(_ i: Int) -> Float {
        guard case .float(let x) = value(i) else { preconditionFailure("parameter \(i) is not a Float") }
        return x
    }

    func bool(_ i: Int) -> Bool {
        guard case .bool(let b) = value(i) else { preconditionFailure("parameter \(i) is not a Bool") }
        return b
    }

    func string(_ i: Int) -> String {
        guard case .string(let s) = value(i) else { preconditionFailure("parameter \(i) is not a String") }
        return s
    }

    func ints(_ i: Int) -> [Int] {
        guard case .array(let elements) = value(i) else { preconditionFailure("parameter \(i) is not an array") }
        return elements.map { if case .int(let n) = $0 { n } else { preconditionFailure("not an Int") } }
    }

    func array(_ i: Int) -> [Value] {
        guard case .array(let elements) = value(i) else { preconditionFailure("parameter \(i) is not an array") }
        return elements
    }

    func range(_ i: Int) -> IntRange {
        guard case .range(let r) = value(i) else { preconditionFailure("parameter \(i) is not a range") }
        return r
    }

    func tensor(_ i: Int) -> Tensor {
        guard case .tensor(let box) = value(i) else { preconditionFailure("parameter \(i) is not a tensor") }
        return box.tensor
    }

    func optionalTensor(_ i: Int) -> Tensor? {
        arguments[i] == nil ? nil : tensor(i)
    }

    func layer(_ i: Int) -> any Layer {
        guard case .layer(let layer) = value(i) else { preconditionFailure("parameter \(i) is not a layer") }
        return layer
    }

    /// Parameter `i` of type `.pair`: `(height, width)` (an `Int` default is both).
    func pair(_ i: Int) -> (Int, Int) {
        if case .int(let n) = value(i) { return (n, n) }
        let values = ints(i)
        return (values[0], values[1])
    }

    /// Parameter `i` of type `.pair` as a stride or dilation.
    func perAxis(_ i: Int) -> PerAxis {
        let (height, width) = pair(i)
        return PerAxis(height: height, width: width)
    }

    func padding(_ i: Int) -> Padding {
        guard case .padding(let padding) = value(i) else { preconditionFailure("parameter \(i) is not a padding") }
        return padding
    }

    /// An explicit `seed:` (parameter `i`), or the notebook's next seed.
    func seed(_ i: Int) throws -> UInt64 {
        guard let seed = optionalInt(i) else { return interpreter.takeSeed() }
        guard seed >= 0 else { throw error("'seed' must not be negative, not \(seed)", at: i) }
        return UInt64(seed)
    }

    /// Wraps a tensor result as a value, within the notebook's budget of live tensor elements.
    func tensorValue(_ tensor: Tensor) throws -> Value {
        try interpreter.tensorValue(tensor, at: span)
    }

    func function(_ i: Int) -> Function {
        guard case .function(let f) = value(i) else { preconditionFailure("parameter \(i) is not a function") }
        return f
    }

    /// An error located at argument `i`.
    func error(_ message: String, at i: Int) -> CellsError {
        CellsError(message, at: spans[i])
    }

    /// An error located at the call.
    func error(_ message: String) -> CellsError {
        CellsError(message, at: span)
    }
}
