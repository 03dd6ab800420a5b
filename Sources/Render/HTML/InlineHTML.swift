import Outputs
import Notebook

/// Inline code of prose after running: a value in place of `\(expr)`, a claim with its mark.
enum InlineHTML {
    static func render(_ code: InlineCode, _ outcome: InlineOutcome) -> String {
        switch outcome {
        case .notRun:
            return "<code>\(HTML.escape(code.code))</code>"
        case .value(let value):
            return "<span class=\"value\" title=\"\(HTML.escape(code.code))\">\(HTML.escape(value))</span>"
        case .claim(let claim):
            let state = claim.passed ? "pass" : "fail"
            let mark = claim.passed ? "✓" : "✗"
            var title = claim.passed ? "verified" : "failed"
            for value in claim.values { title += "; \(value.expression) → \(value.value)" }
            return "<span class=\"inline-claim \(state)\" title=\"\(HTML.escape(title))\"><code>\(HTML.escape(code.code))</code>"
                + " <span class=\"mark\">\(mark)</span></span>"
        case .failure(let diagnostic):
            return "<span class=\"inline-claim fail\" title=\"\(HTML.escape(diagnostic.message))\">"
                + "<code>\(HTML.escape(code.code))</code> <span class=\"mark\">✗</span></span>"
        }
    }
}
