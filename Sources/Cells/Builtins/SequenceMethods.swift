/// Members of arrays and of bounded ranges: `count`, `map`, `filter`, `reduce`, `contains`, ….
enum SequenceMethods {
    /// The elements of a method's receiver (an array, or a range's integers).
    private static func elements(_ call: Invocation) throws -> [Value] {
        try call.interpreter.elements(of: call.receiver!, at: call.span)
    }

    /// `count`, `isEmpty`, `first`, `last`, `indices`.
    static func property(_ name: String, of elements: [Value], interpreter: Interpreter) throws -> Value? {
        switch name {
        case "count": return .int(elements.count)
        case "isEmpty": return .bool(elements.isEmpty)
        case "first", "last":
            guard let element = name == "first" ? elements.first : elements.last else {
                throw CellsError("'\(name)' of an empty array has no value")
            }
            return element
        case "indices": return .range(IntRange(lower: 0, upper: elements.count, isClosed: false))
        default: return nil
        }
    }

    /// The methods by name.
    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("map", [.required(nil, .function)]) { call in
            let items = try elements(call)
            return .array(try items.map { item in
                let result = try call.interpreter.callFunction(call.function(0), [item], at: call.span)
                try call.interpreter.checkNesting(result, at: call.span)
                return result
            })
        },
        Builtin("filter", [.required(nil, .function)]) { call in
            .array(try elements(call).filter { try truth(call.interpreter.callFunction(call.function(0), [$0], at: call.span), call) })
        },
        Builtin("allSatisfy", [.required(nil, .function)]) { call in
            .bool(try elements(call).allSatisfy { try truth(call.interpreter.callFunction(call.function(0), [$0], at: call.span), call) })
        },
        Builtin("reduce", [.required(nil, .any), .required(nil, .function)]) { call in
            try elements(call).reduce(call.value(0)) { total, item in
                try call.interpreter.callFunction(call.function(1), [total, item], at: call.span)
            }
        },
        Builtin("contains", forms: [Signature([.required(nil, .any)]), Signature([.required("where", .function)])]) { call in
            let items = try elements(call)
            if call.form == 1 {
                return .bool(try items.contains { try truth(call.interpreter.callFunction(call.function(0), [$0], at: call.span), call) })
            }
            return .bool(try items.contains { try call.interpreter.equals($0, call.value(0)) })
        },
        Builtin("firstIndex", [.required("of", .any)]) { call in
            guard let index = try elements(call).firstIndex(where: { try call.interpreter.equals($0, call.value(0)) }) else {
                throw call.error("\(call.interpreter.inline(call.value(0))) is not in the array", at: 0)
            }
            return .int(index)
        },
        Builtin("min", []) { call in try extreme(call, ascending: true) },
        Builtin("max", []) { call in try extreme(call, ascending: false) },
        Builtin("sorted", []) { call in .array(try sorted(elements(call), call)) },
        Builtin("reversed", []) { call in .array(try elements(call).reversed()) },
        Builtin("joined", [.optional("separator", .string, default: .string(""))]) { call in
            let texts = try elements(call).map { item -> String in
                guard case .string(let text) = item else {
                    throw call.error("'joined' needs an array of strings, not '\(call.receiver!.typeName)'")
                }
                return text
            }
            let joined = texts.joined(separator: call.string(0))
            try call.interpreter.checkString(bytes: joined.utf8.count, at: call.span)
            return .string(joined)
        },
    ].map { ($0.name, $0) })

    private static func truth(_ value: Value, _ call: Invocation) throws -> Bool {
        guard case .bool(let b) = value else {
            throw call.error("cannot convert value of type '\(value.typeName)' to closure result type 'Bool'", at: 0)
        }
        return b
    }

    private static func sorted(_ items: [Value], _ call: Invocation) throws -> [Value] {
        var failure: CellsError?
        let result = items.sorted { a, b in
            guard failure == nil else { return false }
            do {
                return try less(a, b, call)
            } catch let error as CellsError {
                failure = error
                return false
            } catch {
                return false
            }
        }
        if let failure { throw failure }
        return result
    }

    private static func less(_ a: Value, _ b: Value, _ call: Invocation) throws -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        default:
            guard let x = a.number, let y = b.number else {
                throw call.error("elements of type '\(a.typeName)' cannot be ordered")
            }
            return x < y
        }
    }

    private static func extreme(_ call: Invocation, ascending: Bool) throws -> Value {
        let items = try elements(call)
        guard var best = items.first else {
            throw call.error("'\(ascending ? "min" : "max")()' of an empty array has no value")
        }
        for item in items.dropFirst() where try ascending ? less(item, best, call) : less(best, item, call) {
            best = item
        }
        return best
    }

    /// Runs a mutating method (`append`, `insert`, `remove`, …) on an array in place.
    static func mutate(_ elements: inout [Value], _ name: String, _ arguments: [EvaluatedArgument],
                       interpreter: Interpreter, at span: Span) throws -> Value {
        // The one `append(_:)` of a loop is looked up without hashing its name.
        let builtin = name == "append" ? appendMethod : mutatingTable[name]!
        let (form, values, spans) = try builtin.bind(arguments, trailingClosure: nil, call: span)
        let call = Invocation(interpreter: interpreter, name: name, receiver: nil, form: form, arguments: values, spans: spans,
                              span: span)
        switch (name, form) {
        case ("append", 0):
            try interpreter.checkArray(count: elements.count + 1, at: span)
            try interpreter.checkNesting(call.value(0), at: span)
            elements.append(call.value(0))
        case ("append", _):
            let more = try interpreter.elements(of: call.value(0), at: spans[0])
            try interpreter.checkArray(count: elements.count + more.count, at: span)
            elements.append(contentsOf: more)
        case ("insert", _):
            let index = call.int(1)
            guard (0...elements.count).contains(index) else {
                throw call.error("index \(index) is out of range for inserting into an array of \(elements.count) elements", at: 1)
            }
            try interpreter.checkArray(count: elements.count + 1, at: span)
            try interpreter.checkNesting(call.value(0), at: span)
            elements.insert(call.value(0), at: index)
        case ("remove", _):
            let index = call.int(0)
            guard elements.indices.contains(index) else {
                throw call.error("index \(index) is out of range for an array of \(elements.count) elements", at: 0)
            }
            return elements.remove(at: index)
        case ("removeLast", _), ("removeFirst", _):
            guard !elements.isEmpty else { throw call.error("cannot '\(name)()' from an empty array") }
            return name == "removeLast" ? elements.removeLast() : elements.removeFirst()
        default:
            elements.removeAll()
        }
        return .void
    }

    private static let appendMethod = Builtin("append", forms: [
        Signature([.required(nil, .any)]), Signature([.required("contentsOf", .any)]),
    ]) { _ in .void }

    private static let mutatingTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        appendMethod,
        Builtin("insert", [.required(nil, .any), .required("at", .int)]) { _ in .void },
        Builtin("remove", [.required("at", .int)]) { _ in .void },
        Builtin("removeLast", []) { _ in .void },
        Builtin("removeFirst", []) { _ in .void },
        Builtin("removeAll", []) { _ in .void },
    ].map { ($0.name, $0) })
}
