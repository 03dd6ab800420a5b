/// `#expect(…)`, `#require(…)`, `#summary(…)` or `#show(…)`.
struct Directive: Sendable {
    /// The directives the cell language knows.
    enum Name: String, Sendable, CaseIterable {
        case expect, require, summary, show
    }

    /// Which directive.
    var name: Name
    /// Its arguments as written.
    var arguments: [Argument]
    /// The first argument as written, for claims (`y.shape == [30, 30, 16]`).
    var conditionText: String
}
