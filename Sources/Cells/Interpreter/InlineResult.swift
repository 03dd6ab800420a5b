import Outputs
/// What inline code in prose gave.
public enum InlineResult: Sendable, Hashable, Codable {
    /// `\(expr)`: the value, displayed on one line.
    case value(String)
    /// `#expect(cond)`: the claim.
    case claim(ClaimResult)
    /// The code could not be parsed or evaluated.
    case failure(Diagnostic)
}
