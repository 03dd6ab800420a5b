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

    /// What `extract` reads from parameter `i`, which the matched signature makes `what` (an Int).
    private func payload<T>(_ i: Int, _ what: String, _ extract: (Value) -> T?) -> T {
        guard let payload = extract(value(i)) else { preconditionFailure("parameter \(i) is not \(what)") }
        return payload
    }

    func int(_ i: Int) -> Int {
        payload(i, "an Int") { if case .int(let n) = $0 { n } else { nil } }
    }

    func optionalInt(_ i: Int) -> Int? {
        arguments[i] == nil ? nil : int(i)
    }

    func double(_ i: Int) -> Double {
        payload(i, "a Double") { if case .double(let x) = $0 { x } else { nil } }
    }

    func float(_ i: Int) -> Float {
        payload(i, "a Float") { if case .float(let x) = $0 { x } else { nil } }
    }

    func bool(_ i: Int) -> Bool {
        payload(i, "a Bool") { if case .bool(let b) = $0 { b } else { nil } }
    }

    func string(_ i: Int) -> String {
        payload(i, "a String") { if case .string(let s) = $0 { s } else { nil } }
    }

    func ints(_ i: Int) -> [Int] {
        array(i).map { if case .int(let n) = $0 { n } else { preconditionFailure("not an Int") } }
    }

    func array(_ i: Int) -> [Value] {
        payload(i, "an array") { if case .array(let elements) = $0 { elements } else { nil } }
    }

    func range(_ i: Int) -> IntRange {
        payload(i, "a range") { if case .range(let r) = $0 { r } else { nil } }
    }

    func tensor(_ i: Int) -> Tensor {
        payload(i, "a tensor") { if case .tensor(let box) = $0 { box.tensor } else { nil } }
    }

    func optionalTensor(_ i: Int) -> Tensor? {
        arguments[i] == nil ? nil : tensor(i)
    }

    func layer(_ i: Int) -> any Layer {
        payload(i, "a layer") { if case .layer(let layer) = $0 { layer } else { nil } }
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
        payload(i, "a padding") { if case .padding(let padding) = $0 { padding } else { nil } }
    }

    /// The seed of a layer's weights (parameter `i`): the one given; none for a layer written in a
    /// layer block (`Sequential { … }`), whose container then gives it one, as in the Swift API;
    /// else the notebook's next seed.
    func layerSeed(_ i: Int) throws -> UInt64? {
        if optionalInt(i) == nil, interpreter.collector != nil { return nil }
        return try seed(i)
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
        payload(i, "a function") { if case .function(let f) = $0 { f } else { nil } }
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
