import Kernels

/// A model that cannot work as built, explained in the lesson's terms.
public struct LayersError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The explanation, lowercase, no final period.
    public var message: String

    /// Creates an error with the explanation `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
