import Outputs

/// What an inline code span of prose became.
public enum InlineOutcome: Sendable, Hashable {
    /// It was not evaluated (an earlier error stopped the notebook, or nothing was run).
    case notRun
    /// `\(expr)`: the value, displayed.
    case value(String)
    /// `#expect(…)`: the claim's result.
    case claim(ClaimResult)
    /// Evaluating it failed.
    case failure(Diagnostic)
}
