extension Builtin {
    /// Matches `arguments` to one of the signatures and converts each value to its parameter's type.
    /// - Throws: the label or arity error when no signature's labels fit, else the first type error.
    func bind(_ arguments: [EvaluatedArgument], trailingClosure: EvaluatedArgument?, call: Span)
        throws -> (form: Int, values: [Value?], spans: [Span]) {
        if trailingClosure == nil, let exact = bindExactly(arguments) { return (0, exact.values, exact.spans) }
        var arguments = arguments
        if isVariadic {
            // The leading unlabelled arguments are the one variadic parameter's elements.
            let items = arguments.prefix { $0.label == nil }
            let packed = EvaluatedArgument(label: nil, labelSpan: items.first?.labelSpan ?? call,
                                           value: .array(items.map(\.value)), span: items.first?.span ?? call)
            arguments = [packed] + arguments.dropFirst(items.count)
        }
        var labelError: CellsError?
        var typeError: CellsError?
        let all = arguments + (trailingClosure.map { [$0] } ?? [])
        forms: for (form, signature) in signatures.enumerated() {
            let matcher = ArgumentMatcher(
                slots: signature.parameters.map {
                    .init(label: $0.label, isOptional: $0.isOptional,
                          takesClosure: $0.type == .function || $0.type == .builder)
                },
                accepted: self.accepted, name: name)
            let assignment: [Int?]
            do {
                assignment = try matcher.match(arguments, trailingClosure: trailingClosure?.span, call: call)
            } catch let error as CellsError {
                labelError = labelError ?? error
                continue
            }
            var values: [Value?] = []
            var spans: [Span] = []
            for (parameter, index) in zip(signature.parameters, assignment) {
                guard let index else {
                    values.append(parameter.defaultValue?.value)
                    spans.append(call)
                    continue
                }
                let argument = all[index]
                guard let value = parameter.type.convert(argument.value) else {
                    typeError = typeError ?? Self.typeMismatch(argument.value, parameter.type, at: argument.span)
                    continue forms
                }
                values.append(value)
                spans.append(argument.span)
            }
            return (form, values, spans)
        }
        if let typeError { throw typeError }
        if signatures.count > 1 {
            throw CellsError("no exact matches in call to '\(name)'; expected \(accepted)", at: call)
        }
        throw labelError ?? CellsError("cannot call '\(name)'", at: call)
    }

    /// The arguments as the first form takes them when they are written with exactly its labels,
    /// in order, and each converts; nil otherwise. The general matching then picks the same form
    /// with the same values, so this only saves its work on the common call.
    private func bindExactly(_ arguments: [EvaluatedArgument]) -> (values: [Value?], spans: [Span])? {
        guard !isVariadic, let parameters = signatures.first?.parameters, parameters.count == arguments.count else {
            return nil
        }
        for (parameter, argument) in zip(parameters, arguments) where parameter.label != argument.label {
            return nil
        }
        var values: [Value?] = []
        values.reserveCapacity(arguments.count)
        for (parameter, argument) in zip(parameters, arguments) {
            guard let value = parameter.type.convert(argument.value) else { return nil }
            values.append(value)
        }
        return (values, arguments.map(\.span))
    }

    /// "cannot convert value of type 'String' to expected argument type 'Int'".
    static func typeMismatch(_ value: Value, _ type: ParameterType, at span: Span) -> CellsError {
        if case .symbol(let member) = value {
            if type == .padding {
                return CellsError("type 'Padding' has no member '\(member)'; expected '.valid', '.same', an 'Int', "
                                  + "'[h, w]' or '[[top, bottom], [left, right]]'", at: span)
            }
            return CellsError("cannot infer contextual base in reference to member '\(member)'", at: span)
        }
        if type == .padding, case .array(let elements) = value {
            return CellsError("a padding array is '[h, w]' or '[[top, bottom], [left, right]]' of 'Int', "
                              + "not an array of \(elements.count) of type '\(value.typeName)'", at: span)
        }
        if type == .pair, case .array(let elements) = value {
            return CellsError("expected an 'Int' or '[h, w]' of two 'Int's, not an array of \(elements.count) "
                              + "of type '\(value.typeName)'", at: span)
        }
        return CellsError("cannot convert value of type '\(value.typeName)' to expected argument type '\(type.typeName)'",
                          at: span)
    }
}
