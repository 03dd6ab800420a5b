internal import Layers

extension Value {
    /// Swift's name for the value's type, as diagnostics say it: `Int`, `[Int]`, `Tensor`, `Conv2D`.
    var typeName: String {
        switch self {
        case .void: "()"
        case .int: "Int"
        case .double: "Double"
        case .float: "Float"
        case .bool: "Bool"
        case .string: "String"
        case .array(let elements): "[\(elements.first?.typeName ?? "Any")]"
        case .range(let range): range.typeName
        case .function: "function"
        case .type(let type): "\(type.name).Type"
        case .symbol(let name): ".\(name)"
        case .tensor: "Tensor"
        case .layer(let layer): layer.kind
        case .padding: "Padding"
        case .record(let record): record.typeName
        case .object(let object): object.typeName
        }
    }
}

extension Interpreter {
    /// The value as the declared `type`, or a type error in swiftc's words.
    ///
    /// A number literal takes the declared numeric type (`let x: Double = 1 / 2` is 0.5), as Swift
    /// infers it; other values must have the type already.
    /// - Parameters:
    ///   - literal: the expression that gave the value, when it is a number literal.
    ///   - context: "specified type", "argument type" or "return type", for the message.
    func conform(_ value: Value, to type: TypeName, literal: Expr?, at span: Span, context: String) throws -> Value {
        let result: Value?
        do {
            result = try converted(value, to: type, literal: literal)
        } catch let error as CellsError {
            throw error.located(at: span)
        }
        if let result { return result }
        let prefix = context == "argument type" ? "expected " : ""
        let fixIt = value.number != nil && ["Int", "Double", "Float"].contains("\(type)")
            ? Self.numberMixFixIt(value.typeName, "\(type)", target: "\(type)") : ""
        throw CellsError("cannot convert value of type '\(value.typeName)' to \(prefix)\(context) '\(type)'" + fixIt,
                         at: span)
    }

    private func converted(_ value: Value, to type: TypeName, literal: Expr?) throws -> Value? {
        let numericLiteral = literal?.isNumericLiteral == true
        switch (type, value) {
        case (.function, .function):
            return value
        case (.array(let element), .array(let elements)):
            var result: [Value] = []
            result.reserveCapacity(elements.count)
            let literals: [Expr]? = if case .array(let exprs) = literal?.kind { exprs } else { nil }
            for (index, item) in elements.enumerated() {
                guard let item = try converted(item, to: element, literal: literals?[index]) else { return nil }
                result.append(item)
            }
            return .array(result)
        case (.named(let name), _):
            return try converted(value, toNamed: name, numericLiteral: numericLiteral ? literal : nil)
        default:
            return nil
        }
    }

    private func converted(_ value: Value, toNamed name: String, numericLiteral: Expr?) throws -> Value? {
        switch (name, value) {
        case ("Any", _): return value
        case ("Int", .int), ("Double", .double), ("Float", .float), ("Bool", .bool), ("String", .string):
            return value
        case ("Double", .int), ("Double", .float):
            return numericLiteral.map { .double($0.literalValue()) }
        case ("Float", .int), ("Float", .double):
            return numericLiteral.map { .float(Float($0.literalValue())) }
        case ("Float", .tensor(let box)) where box.variable != nil && box.tensor.count == 1:
            // Inside `gradient(at:)` a scalar that depends on the point is a recorded tensor, so a
            // function declared to return `Float` keeps its gradient.
            return value
        case ("Range", .range(let r)), ("ClosedRange", .range(let r)):
            return r.lower != nil && r.upper != nil ? value : nil
        default:
            if let matched = try conformsToBuiltinType(value, name) { return matched ? value : nil }
            guard Builtins.knownTypeNames.contains(name) else {
                throw CellsError("cannot find type '\(name)' in scope")
            }
            return nil
        }
    }
}
