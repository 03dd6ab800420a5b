

/// Matches a call's arguments to parameters by label and position, as Swift does: arguments in
/// the parameters' order, each with its parameter's label; parameters with defaults may be left
/// out; a trailing closure fills the last function parameter.
struct ArgumentMatcher {
    /// What matching needs to know of a parameter.
    struct Slot {
        var label: String?
        var isOptional: Bool
        var takesClosure: Bool
    }

    /// The parameters.
    let slots: [Slot]
    /// How the callee is spelled with its labels, for the diagnostics (`Conv2D(filters:kernel:)`);
    /// spelled only when a diagnostic needs it, as every call makes a matcher.
    let accepted: () -> String
    /// The callee's name (`Conv2D`).
    let name: String

    init(slots: [Slot], accepted: @autoclosure @escaping () -> String, name: String) {
        self.slots = slots
        self.accepted = accepted
        self.name = name
    }

    /// For each parameter, the index of the argument given for it (`arguments.count` for the
    /// trailing closure), or nil when left out.
    func match(_ arguments: [EvaluatedArgument], trailingClosure: Span?, call: Span) throws -> [Int?] {
        var assignment = [Int?](repeating: nil, count: slots.count)
        var next = 0
        // The trailing closure takes the last closure parameter no argument is written for.
        let trailingSlot = trailingClosure == nil ? nil : slots.lastIndex { $0.takesClosure }
        for (index, slot) in slots.enumerated() {
            if next < arguments.count, arguments[next].label == slot.label {
                assignment[index] = next
                next += 1
            } else if index == trailingSlot {
                assignment[index] = arguments.count
            } else if !slot.isOptional {
                throw mismatch(at: next, expecting: index, arguments, call: call)
            }
        }
        if next < arguments.count {
            throw mismatch(at: next, expecting: nil, arguments, call: call)
        }
        if let trailingClosure, trailingSlot == nil || assignment[trailingSlot!] != arguments.count {
            throw CellsError("extra trailing closure passed in call; expected \(accepted())", at: trailingClosure)
        }
        return assignment
    }

    /// The error for argument `index` not fitting, where parameter `expected` (if any) needed one.
    private func mismatch(at index: Int, expecting expected: Int?, _ arguments: [EvaluatedArgument],
                          call: Span) -> CellsError {
        let expectedText = "; expected \(accepted())"
        guard index < arguments.count else {
            let slot = slots[expected!]
            let what = slot.label.map { "'\($0)'" } ?? "#\(expected! + 1)"
            return CellsError("missing argument for parameter \(what) in call\(expectedText)", at: call)
        }
        let argument = arguments[index]
        let labels = slots.map(\.label)
        if let label = argument.label {
            if !labels.contains(label) {
                if let expected, slots[expected].label == nil, !slots.contains(where: { $0.label == label }) {
                    return CellsError("extraneous argument label '\(label):' in call\(expectedText)", at: argument.labelSpan)
                }
                return CellsError("\(name) has no argument '\(label)'\(expectedText)", at: argument.labelSpan)
            }
            if let expected, let later = labels[expected...].firstIndex(of: label), later > expected {
                let what = slots[expected].label.map { "'\($0)'" } ?? "#\(expected + 1)"
                return CellsError("missing argument for parameter \(what) in call\(expectedText)", at: argument.labelSpan)
            }
            return CellsError("argument '\(label)' is out of order or repeated\(expectedText)", at: argument.labelSpan)
        }
        if let expected, let label = slots[expected].label {
            return CellsError("missing argument label '\(label):' in call\(expectedText)", at: argument.span)
        }
        return CellsError("extra argument in call\(expectedText)", at: argument.span)
    }
}
