import Kernels

/// A model that cannot work as built, explained in the lesson's terms.
///
/// A layer's errors name the layer first ("Conv2D: a 5×5 kernel does not fit …"); inside a model they
/// name its position ("layer 4 (Dense): expects 400 inputs but got [16, 5, 5] (flatten first?)").
public struct LayersError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Where the error arose, or `nil` for an error that concerns no single layer.
    var location: LayerLocation?
    /// The explanation without the location.
    var detail: String
    /// What joins the location to the detail: ": " normally, " " for sentences whose subject is the layer.
    var joiner: String

    /// The explanation, lowercase, no final period.
    public var message: String {
        guard let location else { return detail }
        return location.description + joiner + detail
    }

    /// Creates an error with the explanation `message`.
    public init(_ message: String) {
        self.location = nil
        self.detail = message
        self.joiner = ": "
    }

    /// Creates an error raised by a layer of `kind`: "Conv2D: detail".
    init(_ kind: String, _ detail: String) {
        self.location = LayerLocation(kind: kind)
        self.detail = detail
        self.joiner = ": "
    }

    /// Creates an error whose sentence has the layer as its subject: "Conv2D has no weights yet: …".
    init(subject kind: String, _ predicate: String) {
        self.location = LayerLocation(kind: kind)
        self.detail = predicate
        self.joiner = " "
    }

    /// Wraps an error from the kernels as raised by a layer of `kind`.
    init(_ kind: String, _ error: KernelsError) {
        self.init(kind, error.message)
    }

    /// The same error seen from a container that holds the failing layer at `position`.
    func located(at position: String) -> LayersError {
        var copy = self
        copy.location = location?.inside(position)
        return copy
    }

    public var description: String { message }

    /// Two errors are equal when they say the same thing.
    public static func == (a: LayersError, b: LayersError) -> Bool { a.message == b.message }
}

/// Runs `body`, turning a kernel error into a `LayersError` of `kind`.
func rethrowingAsLayersError<T>(_ kind: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as KernelsError {
        throw LayersError(kind, error)
    }
}

/// Runs `body`, locating any `LayersError` it throws at `position` of a container.
func located<T>(at position: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LayersError {
        throw error.located(at: position)
    }
}

extension LayersError {
    /// The error of a layer of `kind` asked for weights before it knows its input depth.
    static func unbuilt(_ kind: String) -> LayersError {
        LayersError(subject: kind, "has no weights yet: call it on an input or give its model an input shape")
    }
}
