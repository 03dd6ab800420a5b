import Testing
@testable import Cells

@Suite struct ArgumentMatcherTests {
    /// `conv(_:filters:stride:body:)`: the first and second required, the rest with defaults,
    /// the last taking a closure.
    let matcher = ArgumentMatcher(
        slots: [
            .init(label: nil, isOptional: false, takesClosure: false),
            .init(label: "filters", isOptional: false, takesClosure: false),
            .init(label: "stride", isOptional: true, takesClosure: false),
            .init(label: "body", isOptional: true, takesClosure: true),
        ],
        accepted: "conv(_:filters:stride:body:)", name: "conv")

    func arguments(_ labels: [String?]) -> [EvaluatedArgument] {
        labels.enumerated().map { index, label in
            let span = Span(line: 1, column: 10 * index + 1, length: 1)
            return EvaluatedArgument(label: label, labelSpan: span, value: .int(index), span: span)
        }
    }

    let call = Span(line: 1, column: 1, length: 20)

    @Test func argumentsFillParametersInOrderSkippingDefaults() throws {
        #expect(try matcher.match(arguments([nil, "filters"]), trailingClosure: nil, call: call) == [0, 1, nil, nil])
        #expect(try matcher.match(arguments([nil, "filters", "stride"]), trailingClosure: nil, call: call) == [0, 1, 2, nil])
        #expect(try matcher.match(arguments([nil, "filters", "body"]), trailingClosure: nil, call: call) == [0, 1, nil, 2])
    }

    @Test func aTrailingClosureFillsTheLastClosureParameter() throws {
        let trailing = Span(line: 1, column: 30, length: 5)
        #expect(try matcher.match(arguments([nil, "filters"]), trailingClosure: trailing, call: call) == [0, 1, nil, 2])
    }

    /// Labels that do not fit, the message, and the column of the argument it points at (0: the call).
    static let mismatches: [([String?], String, Int)] = [
        ([nil, "filter"], "conv has no argument 'filter'; expected conv(_:filters:stride:body:)", 11),
        (["x", "filters"], "extraneous argument label 'x:' in call; expected conv(_:filters:stride:body:)", 1),
        (["filters"], "missing argument for parameter #1 in call; expected conv(_:filters:stride:body:)", 1),
        ([nil], "missing argument for parameter 'filters' in call; expected conv(_:filters:stride:body:)", 0),
        ([nil, nil], "missing argument label 'filters:' in call; expected conv(_:filters:stride:body:)", 11),
        ([nil, "stride", "filters"], "missing argument for parameter 'filters' in call; expected conv(_:filters:stride:body:)", 11),
        ([nil, "filters", "stride", "stride"], "argument 'stride' is out of order or repeated; expected conv(_:filters:stride:body:)", 31),
        ([nil, "filters", "body", nil], "extra argument in call; expected conv(_:filters:stride:body:)", 31),
    ]

    @Test(arguments: mismatches)
    func labelsThatDoNotFitAreExplained(_ labels: [String?], _ message: String, _ column: Int) {
        do {
            _ = try matcher.match(arguments(labels), trailingClosure: nil, call: call)
            Issue.record("\(labels) matched")
        } catch let error as CellsError {
            #expect(error.message == message)
            #expect(error.span.column == (column == 0 ? call.column : column))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aTrailingClosureWithNowhereToGoIsExtra() {
        let plain = ArgumentMatcher(slots: [.init(label: nil, isOptional: false, takesClosure: false)],
                                    accepted: "f(_:)", name: "f")
        #expect(throws: CellsError.self) {
            try plain.match(arguments([nil]), trailingClosure: Span(line: 1, column: 9, length: 3), call: call)
        }
    }
}
