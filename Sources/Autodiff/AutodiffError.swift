/// A mistake in differentiating or training, explained with the numbers that caused it.
public struct AutodiffError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The explanation, in the lesson's terms, lowercase, no final period.
    public var message: String

    /// Creates an error with the explanation `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
