import Cells
import Testing
@testable import Execution
import Notebook
import Outputs

@Suite struct WarmUpTests {
    /// The sample must run to its end, or the warm-up would stop before paying what it is for.
    @Test func theSampleRunsCleanlyAndItsClaimHolds() {
        let run = WarmUp.run()
        #expect(run.status == .completed)
        let claims = run.outputs.compactMap { output -> Bool? in
            if case .claim(let claim) = output { claim.passed } else { nil }
        }
        #expect(claims == [true])
        // Parameters: conv 3·3·2·2 + 2 = 38; 6×6 → 4×4 → pooled 2×2×2 = 8 inputs; dense 8·3 + 3 = 27.
        #expect(run.outputs.contains(.text("[\"a!\", \"b!\"] 65 3\n")), "\(run.outputs)")
    }
}
