/// A built-in object of the cell language: a reference with a type name, a one-line display,
/// properties and methods (an optimiser, a training history, a data set, a model's gradients).
protocol CellObject: AnyObject {
    /// Swift's name for its type, as diagnostics say it: `Adam`, `TrainingHistory`.
    var typeName: String { get }
    /// How `print` and inline values show it.
    var text: String { get }
    /// The property `name`, or nil when the object has none.
    func property(_ name: String, in interpreter: Interpreter) throws -> Value?
    /// Its methods by name, bound to the receiver when called.
    static var methods: [String: Builtin] { get }
}

extension CellObject {
    static var methods: [String: Builtin] { [:] }
}

extension Invocation {
    /// The receiver as the object type `T`.
    func receiver<T: CellObject>(as type: T.Type) -> T {
        guard case .object(let object) = receiver, let typed = object as? T else {
            preconditionFailure("receiver is not a \(T.self)")
        }
        return typed
    }

    /// Argument `i` as the object type `T`, or a located error naming what it should be.
    func object<T: CellObject>(_ i: Int, as type: T.Type, expected: String) throws -> T {
        guard case .object(let object) = value(i), let typed = object as? T else {
            throw error("expected \(expected), not a value of type '\(value(i).typeName)'", at: i)
        }
        return typed
    }
}
