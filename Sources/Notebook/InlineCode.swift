import Outputs

/// A code span in prose that Kernelbook evaluates: `` `\(expr)` `` or `` `#expect(…)` ``.
public struct InlineCode: Sendable, Hashable {
    /// What the span asks for.
    public enum Kind: String, Sendable, Hashable {
        /// `\(expr)`: replaced by the value of `expr`.
        case value
        /// `#expect(…)` or `#require(…)`: a claim, shown with ✓ or ✗.
        case claim
    }

    /// The span's place among the notebook's inline code, from 0.
    public var index: Int
    /// A value or a claim.
    public var kind: Kind
    /// The code between the backticks.
    public var code: String
    /// Where the code starts in the `.md` file.
    public var location: SourceLocation

    /// Classifies a code span's text; nil when it is ordinary code to show as is.
    static func kind(of code: String) -> Kind? {
        guard code.hasSuffix(")") else { return nil }
        if code.hasPrefix("\\(") { return .value }
        if code.hasPrefix("#expect(") || code.hasPrefix("#require(") { return .claim }
        return nil
    }
}
