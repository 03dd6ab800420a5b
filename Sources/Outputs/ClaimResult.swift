/// The outcome of one claim (`#expect` or `#require`).
public struct ClaimResult: Sendable, Hashable, Codable {
    /// The directive that made the claim.
    public enum Kind: String, Sendable, Hashable, Codable { case expect, require }

    /// `expect` or `require`.
    public var kind: Kind
    /// The condition as written (`y.shape == [30, 30, 16]`).
    public var condition: String
    /// Where the condition starts in the `.md` file.
    public var location: SourceLocation
    /// How many UTF-8 bytes the condition spans on its first line.
    public var length: Int
    /// On failure, each sub-expression with its value (`("y.shape", "[32, 32, 16]")`), outermost
    /// first; `nil` when the condition held.
    public var failure: [SubexpressionValue]?
    /// Whether the condition held.
    public var passed: Bool { failure == nil }
    /// The sub-expressions' values of a failure; none when the condition held.
    public var values: [SubexpressionValue] { failure ?? [] }

    /// A sub-expression of a claim and its value when the claim ran.
    public struct SubexpressionValue: Sendable, Hashable, Codable {
        /// The sub-expression as written.
        public var expression: String
        /// Its value, displayed.
        public var value: String

        /// Creates a pair.
        public init(_ expression: String, _ value: String) {
            self.expression = expression
            self.value = value
        }
    }

    /// Creates a claim result.
    public init(kind: Kind, condition: String, location: SourceLocation, length: Int, passed: Bool,
                values: [SubexpressionValue] = []) {
        self.kind = kind
        self.condition = condition
        self.location = location
        self.length = length
        self.failure = passed ? nil : values
    }

    /// The failure as a located error (`expectation failed: …` with `y.shape → [32, 32, 16]`), or nil if it passed.
    public var diagnostic: Diagnostic? {
        guard !passed else { return nil }
        let what = kind == .expect ? "expectation failed" : "requirement failed"
        return .error("\(what): \(condition)", at: location, length: length,
                      details: values.map { "\($0.expression) → \($0.value)" })
    }
}
