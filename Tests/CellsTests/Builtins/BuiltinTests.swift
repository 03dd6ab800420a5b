import Testing
@testable import Cells

/// A built-in's first form decides whether a call with one unlabelled argument may skip the
/// general matching: only a single unlabelled parameter of a non-variadic built-in qualifies.
@Suite struct BuiltinTests {
    static let forms: [(parameters: [Signature.Parameter], variadic: Bool, sole: ParameterType?)] = [
        ([.required(nil, .any)], false, .any),
        ([.required(nil, .tensor)], false, .tensor),
        ([.required("axis", .int)], false, nil),
        ([.required(nil, .any)], true, nil),
        ([.required(nil, .int), .required(nil, .int)], false, nil),
        ([], false, nil),
    ]

    @Test(arguments: forms)
    func onlyASingleUnlabelledParameterIsSole(_ form: (parameters: [Signature.Parameter], variadic: Bool,
                                                       sole: ParameterType?)) {
        let builtin = Builtin("f", form.parameters, variadic: form.variadic) { _ in .void }
        #expect(builtin.soleUnlabelled == form.sole)
    }

    @Test func onlyTheFirstFormCounts() {
        let builtin = Builtin("f", forms: [Signature([.required("x", .int)]), Signature([.required(nil, .int)])]) { _ in
            .void
        }
        #expect(builtin.soleUnlabelled == nil)
    }
}
