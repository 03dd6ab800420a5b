internal import SwiftOperators
@_spi(Compiler) internal import SwiftParser
internal import SwiftSyntax

extension Lowerer {
    /// Lowers an expression, its operator sequences folded here or by swift-syntax.
    mutating func expression(_ node: ExprSyntax) -> Expr {
        if let sequence = node.as(SequenceExprSyntax.self) {
            if let folded = operatorSequence(sequence) { return folded }
            needsFolding = true
            return Expr(kind: .invalid, span: mapper.span(of: node))
        }
        let span = mapper.span(of: node)
        let kind = expressionKind(node, span: span)
        return Expr(kind: kind, span: span, text: claimDepth > 0 ? mapper.trimmedText(of: node) : nil)
    }

    private mutating func expressionKind(_ node: ExprSyntax, span: Span) -> Expr.Kind {
        switch node.as(ExprSyntaxEnum.self) {
        case .integerLiteralExpr(let literal):
            return integer(literal.literal.text, at: span)
        case .floatLiteralExpr(let literal):
            let digits = literal.literal.text.filter { $0 != "_" }
            guard !digits.lowercased().hasPrefix("0x"), let value = Double(digits) else {
                unsupported("float literal '\(literal.literal.text)'", at: literal)
                return .invalid
            }
            return .double(value)
        case .booleanLiteralExpr(let literal):
            return .bool(literal.literal.tokenKind == .keyword(.true))
        case .stringLiteralExpr(let literal):
            return string(literal)
        case .declReferenceExpr(let reference):
            return name(reference)
        case .arrayExpr(let array):
            return .array(array.elements.map { expression($0.expression) })
        case .tupleExpr(let tuple):
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return expression(only.expression).kind
            }
            unsupported("tuple '\(tuple.trimmedDescription)'", at: tuple)
            return .invalid
        case .prefixOperatorExpr(let prefix):
            return prefixOperator(prefix)
        case .postfixOperatorExpr(let postfix):
            guard postfix.operator.text == "..." else {
                unsupported("operator '\(postfix.operator.text)'", at: postfix.operator)
                return .invalid
            }
            return .partialRangeFrom(expression(postfix.expression))
        case .infixOperatorExpr(let infix):
            return infixOperator(infix)
        case .ternaryExpr(let ternary):
            return .ternary(expression(ternary.condition), expression(ternary.thenExpression),
                            expression(ternary.elseExpression))
        case .functionCallExpr(let call):
            return functionCall(call)
        case .memberAccessExpr(let access):
            return memberAccess(access)
        case .subscriptCallExpr(let access):
            if let closure = access.trailingClosure { unsupported("a trailing closure on a subscript", at: closure) }
            return .subscriptAccess(expression(access.calledExpression), arguments(access.arguments))
        case .closureExpr(let closure):
            return .closure(self.closure(closure))
        case .macroExpansionExpr(let macro):
            return directive(pound: macro.pound, name: macro.macroName, arguments: macro.arguments,
                             trailingClosure: macro.trailingClosure, node: macro).kind
        case .discardAssignmentExpr:
            return .discard
        case .missingExpr:
            return .invalid
        default:
            unsupported(Self.constructName(node), at: node)
            return .invalid
        }
    }

    /// The name of an expression outside the language, quoted for a diagnostic.
    private static func constructName(_ node: ExprSyntax) -> String {
        switch node.as(ExprSyntaxEnum.self) {
        case .nilLiteralExpr: "'nil'"
        case .ifExpr: "'if' as an expression"
        case .switchExpr: "'switch'"
        case .tryExpr: "'try'"
        case .awaitExpr: "'await'"
        case .asExpr, .unresolvedAsExpr: "'as'"
        case .isExpr, .unresolvedIsExpr: "'is'"
        case .forceUnwrapExpr: "force unwrap '!'"
        case .optionalChainingExpr: "optional chaining '?'"
        case .inOutExpr: "'&' (inout)"
        case .superExpr: "'super'"
        case .keyPathExpr(let path): "key path '\(path.trimmedDescription)'"
        case .dictionaryExpr: "dictionary literal"
        case .regexLiteralExpr: "regex literal"
        case .editorPlaceholderExpr(let placeholder): "placeholder '\(placeholder.trimmedDescription)'"
        case .genericSpecializationExpr(let generic): "generic arguments '\(generic.genericArgumentClause.trimmedDescription)'"
        default: "'\(Lowerer.leadingKeyword(of: node))'"
        }
    }

    private mutating func integer(_ text: String, at span: Span) -> Expr.Kind {
        var digits = Substring(text.filter { $0 != "_" })
        var sign = ""
        if digits.hasPrefix("-") {
            sign = "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        guard let value = Int(sign + digits, radix: radix) else {
            report("integer literal '\(text)' overflows when stored into 'Int'", at: span)
            return .invalid
        }
        return .integer(value)
    }

    private mutating func string(_ literal: StringLiteralExprSyntax) -> Expr.Kind {
        guard let kind = literal.stringLiteralKind, kind != .singleQuote, !literal.hasError else {
            if literal.stringLiteralKind == .singleQuote { unsupported("single-quoted string", at: literal) }
            return .invalid
        }
        var parts: [Expr.StringPart] = []
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let text):
                var value = ""
                text.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: literal.delimiterLength,
                                                 to: &value)
                if case .text(let previous) = parts.last {
                    parts[parts.count - 1] = .text(previous + value)
                } else {
                    parts.append(.text(value))
                }
            case .expressionSegment(let segment):
                let items = Array(segment.expressions)
                if items.count == 2, items[0].label == nil, items[1].label?.text == "format" {
                    // `\(x, format: .percent)` is `x.formatted(.percent)`.
                    let value = expression(items[0].expression)
                    let style = expression(items[1].expression)
                    let span = mapper.span(of: segment)
                    let method = Expr(kind: .member(value, "formatted"), span: span)
                    let argument = Argument(label: nil, labelSpan: style.span, value: style)
                    parts.append(.expression(Expr(kind: .call(method, [argument], trailingClosure: nil), span: span)))
                    continue
                }
                guard items.count == 1, let only = items.first, only.label == nil else {
                    unsupported("interpolation '\(segment.trimmedDescription)'", at: segment)
                    return .invalid
                }
                parts.append(.expression(expression(only.expression)))
            }
        }
        if parts.isEmpty { return .string("") }
        if parts.count == 1, case .text(let text) = parts[0] { return .string(text) }
        return .interpolation(parts)
    }

    private mutating func name(_ reference: DeclReferenceExprSyntax) -> Expr.Kind {
        if let names = reference.argumentNames {
            unsupported("function reference '\(reference.trimmedDescription)'", at: names)
            return .invalid
        }
        switch reference.baseName.tokenKind {
        case .identifier, .dollarIdentifier:
            // Backticks only escape a keyword; the name is the same.
            return .name(Name(reference.baseName.identifier?.name ?? reference.baseName.text))
        case .keyword(.self), .keyword(.Self):
            unsupported("'\(reference.baseName.text)'", at: reference)
            return .invalid
        case .binaryOperator(let text):
            if let op = BinaryOperator(rawValue: text), op != .halfOpenRange, op != .closedRange {
                return .operatorFunction(op)
            }
            unsupported("operator reference '\(text)'", at: reference)
            return .invalid
        case .prefixOperator, .postfixOperator:
            unsupported("operator reference '\(reference.baseName.text)'", at: reference)
            return .invalid
        default:
            if reference.baseName.presence == .missing { return .invalid }
            unsupported("'\(reference.baseName.text)'", at: reference)
            return .invalid
        }
    }

    private mutating func prefixOperator(_ node: PrefixOperatorExprSyntax) -> Expr.Kind {
        let text = node.operator.text
        if text == "-", let literal = node.expression.as(IntegerLiteralExprSyntax.self) {
            // `-9223372036854775808` is one literal in Swift, not a negation of an overflowing one.
            return integer("-" + literal.literal.text, at: mapper.span(of: node))
        }
        guard let op = PrefixOperator(rawValue: text) else {
            unsupported("operator '\(text)'", at: node.operator)
            return .invalid
        }
        return .prefix(op, expression(node.expression))
    }

    /// An operator of a tree swift-syntax folded (see `needsFolding`).
    private mutating func infixOperator(_ node: InfixOperatorExprSyntax) -> Expr.Kind {
        let left = expression(node.leftOperand)
        let right = expression(node.rightOperand)
        if let op = SequenceOperator(node.operator) {
            return op.kind(left, nil, right)
        }
        guard let text = node.operator.as(BinaryOperatorExprSyntax.self)?.operator.text else {
            unsupported(Self.constructName(node.operator), at: node.operator)
            return .invalid
        }
        if OperatorTable.standardOperators.infixOperator(named: text) != nil {
            unsupported("operator '\(text)'", at: node.operator)
        }  // else folding already reported it as unknown
        return .invalid
    }

    private mutating func functionCall(_ call: FunctionCallExprSyntax) -> Expr.Kind {
        if let extra = call.additionalTrailingClosures.first {
            unsupported("multiple trailing closures", at: extra)
        }
        let trailing = call.trailingClosure.map { closure($0) }
        return .call(expression(call.calledExpression), arguments(call.arguments), trailingClosure: trailing)
    }

    private mutating func memberAccess(_ access: MemberAccessExprSyntax) -> Expr.Kind {
        let name = access.declName.baseName
        if let names = access.declName.argumentNames {
            unsupported("function reference '\(access.declName.trimmedDescription)'", at: names)
            return .invalid
        }
        switch name.tokenKind {
        case .identifier, .keyword:
            break
        case .integerLiteral:
            unsupported("tuple element '.\(name.text)'", at: access)
            return .invalid
        default:
            return .invalid
        }
        let member = name.identifier?.name ?? name.text
        guard let base = access.base else {
            return .implicitMember(member)
        }
        return .member(expression(base), member)
    }

    mutating func arguments(_ list: LabeledExprListSyntax) -> [Argument] {
        list.map { argument in
            let value = expression(argument.expression)
            let labelSpan = argument.label.map { mapper.span(of: $0) } ?? value.span
            return Argument(label: argument.label?.identifier?.name ?? argument.label?.text, labelSpan: labelSpan,
                            value: value)
        }
    }

    mutating func closure(_ node: ClosureExprSyntax) -> Closure {
        var parameters: [String] = []
        if let signature = node.signature {
            for attribute in signature.attributes { unsupported("attribute '\(attribute.trimmedDescription)'", at: attribute) }
            if let capture = signature.capture { unsupported("capture list '\(capture.trimmedDescription)'", at: capture) }
            if let effects = signature.effectSpecifiers { unsupported("'\(effects.trimmedDescription)'", at: effects) }
            switch signature.parameterClause {
            case .simpleInput(let list):
                parameters = list.map(\.name.text)
            case .parameterClause(let clause):
                parameters = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
            case nil:
                break
            }
        }
        let body = functionBody { $0.block(node.statements) }
        let shorthand = parameters.isEmpty ? Self.shorthandCount(in: node.statements) : 0
        var names: Set<String> = []
        body.forEach { $0.collectNames(into: &names) }
        names.subtract(parameters)
        return Closure(parameters: parameters.map(Name.init), shorthandCount: shorthand, body: body,
                       span: mapper.span(of: node), names: names.filter { !$0.hasPrefix("$") }.sorted().map(Name.init))
    }

    /// How many `$n` parameters a closure body uses, not counting nested closures.
    private static func shorthandCount(in statements: CodeBlockItemListSyntax) -> Int {
        final class Finder: SyntaxVisitor {
            var count = 0
            override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
            override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
                if case .dollarIdentifier(let text) = token.tokenKind, let n = Int(text.dropFirst()) {
                    count = max(count, n + 1)
                }
                return .skipChildren
            }
        }
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(statements)
        return finder.count
    }

    /// `#expect(…)`, `#require(…)`, `#summary(…)` or `#show(…)`, from an expression or a declaration.
    mutating func directive(pound: TokenSyntax, name: TokenSyntax, arguments list: LabeledExprListSyntax,
                            trailingClosure: ClosureExprSyntax?, node: some SyntaxProtocol) -> Expr {
        let span = mapper.span(of: node)
        guard let directive = Directive.Name(rawValue: name.text) else {
            unsupported("'#\(name.text)'", at: node)
            return Expr(kind: .invalid, span: span)
        }
        if let closure = trailingClosure {
            unsupported("a trailing closure on '#\(name.text)'", at: closure)
        }
        let isClaim = directive == .expect || directive == .require
        if isClaim { claimDepth += 1 }
        let arguments = self.arguments(list)
        if isClaim { claimDepth -= 1 }
        let text = list.first.map { mapper.trimmedText(of: $0.expression) } ?? ""
        return Expr(kind: .directive(Directive(name: directive, arguments: arguments, conditionText: text)),
                    span: span)
    }
}
