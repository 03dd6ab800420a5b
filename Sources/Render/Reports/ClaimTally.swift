import Outputs

/// How many claims passed and failed, said in a few words.
struct ClaimTally {
    var passed = 0
    var failed = 0

    init(_ claims: [ClaimResult]) {
        for claim in claims {
            if claim.passed { passed += 1 } else { failed += 1 }
        }
    }

    var total: Int { passed + failed }

    /// `✓ 12 claims verified`, `✗ 1 of 12 claims failed`.
    func html(hasErrors: Bool) -> String {
        if failed > 0 {
            return "<span class=\"bad\">✗ \(failed) of \(total) claims failed</span>"
        }
        if hasErrors {
            return "<span class=\"bad\">✗ errors</span> · \(passed) of \(total) claims verified"
        }
        if total == 0 { return "no claims" }
        return "<span class=\"ok\">✓ \(total) claim\(total == 1 ? "" : "s") verified</span>"
    }
}
