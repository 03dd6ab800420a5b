internal import SwiftSyntax
import Outputs

/// Lowers a swift-syntax tree to the cell language's AST, reporting every construct outside the
/// language as "'…' is not supported in cells" at its place.
///
/// Operator sequences are folded while lowering (`operatorSequence(_:)`); a sequence that needs
/// swift-syntax's folding sets `needsFolding`, and the caller lowers the folded tree instead.
///
/// Nodes the parser already reported (missing or unexpected tokens) are lowered to `.invalid`
/// without a second diagnostic.
struct Lowerer {
    let mapper: SpanMapper
    let file: String
    /// Everything found outside the language, in source order.
    private(set) var diagnostics: [Diagnostic] = []
    /// Above zero while lowering a claim's condition, whose sub-expressions keep their text.
    var claimDepth = 0
    /// Loops around the statement being lowered, within the innermost function or closure.
    var loopDepth = 0
    /// Functions and closures around the statement being lowered.
    var functionDepth = 0
    /// Whether a sequence was met that only swift-syntax's operator folding handles.
    var needsFolding = false

    init(mapper: SpanMapper, file: String) {
        self.mapper = mapper
        self.file = file
    }

    /// Reports `construct` (already quoted, `'guard'`) at `node`, unless the parser reported it.
    mutating func unsupported(_ construct: String, at node: some SyntaxProtocol) {
        guard !node.hasError else { return }
        report("\(construct) is not supported in cells", at: mapper.span(of: node))
    }

    /// Reports an error at `span`.
    mutating func report(_ message: String, at span: Span) {
        diagnostics.append(.error(message, at: span.location(in: file), length: span.length))
    }

    // MARK: Statements

    /// The statements of a code block or source file, function declarations included.
    mutating func block(_ items: CodeBlockItemListSyntax) -> [Stmt] {
        var statements: [Stmt] = []
        for item in items {
            statements.append(contentsOf: statement(item.item))
        }
        return statements
    }

    private mutating func statement(_ item: CodeBlockItemSyntax.Item) -> [Stmt] {
        switch item {
        case .expr(let expr):
            return [Stmt(kind: .expression(expression(expr)), span: mapper.span(of: expr))]
        case .stmt(let stmt):
            return statement(stmt).map { [$0] } ?? []
        case .decl(let decl):
            return declaration(decl)
        }
    }

    private mutating func statement(_ stmt: StmtSyntax) -> Stmt? {
        let span = mapper.span(of: stmt)
        if let s = stmt.as(ExpressionStmtSyntax.self) {
            if let ifExpr = s.expression.as(IfExprSyntax.self) {
                return ifStatement(ifExpr)
            }
            return Stmt(kind: .expression(expression(s.expression)), span: span)
        }
        if let s = stmt.as(ReturnStmtSyntax.self) {
            if functionDepth == 0 { report("return invalid outside of a func", at: span) }
            return Stmt(kind: .returnValue(s.expression.map { expression($0) }), span: span)
        }
        if let s = stmt.as(ForStmtSyntax.self) {
            return forStatement(s)
        }
        if let s = stmt.as(WhileStmtSyntax.self) {
            let conditions = conditions(s.conditions, keyword: "while")
            return Stmt(kind: .whileLoop(conditions: conditions, body: loopBody(s.body)), span: span)
        }
        if let s = stmt.as(BreakStmtSyntax.self) {
            if let label = s.label { unsupported("statement label '\(label.text)'", at: label) }
            if loopDepth == 0 { report("'break' is only allowed inside a loop", at: span) }
            return Stmt(kind: .breakLoop, span: span)
        }
        if let s = stmt.as(ContinueStmtSyntax.self) {
            if let label = s.label { unsupported("statement label '\(label.text)'", at: label) }
            if loopDepth == 0 { report("'continue' is only allowed inside a loop", at: span) }
            return Stmt(kind: .continueLoop, span: span)
        }
        if stmt.is(MissingStmtSyntax.self) {
            return nil
        }
        if let s = stmt.as(LabeledStmtSyntax.self) {
            unsupported("statement label '\(s.label.text):'", at: s.label)
            return nil
        }
        unsupported("'\(Self.leadingKeyword(of: stmt))'", at: stmt)
        return nil
    }

    private mutating func ifStatement(_ node: IfExprSyntax) -> Stmt {
        var otherwise: [Stmt]?
        switch node.elseBody {
        case .ifExpr(let nested): otherwise = [ifStatement(nested)]
        case .codeBlock(let block): otherwise = body(block)
        case nil: otherwise = nil
        }
        return Stmt(kind: .ifThen(conditions: conditions(node.conditions, keyword: "if"), then: body(node.body),
                                  otherwise: otherwise),
                    span: mapper.span(of: node))
    }

    private mutating func forStatement(_ node: ForStmtSyntax) -> Stmt? {
        for keyword in [node.tryKeyword, node.awaitKeyword, node.unsafeKeyword, node.caseKeyword].compactMap({ $0 }) {
            unsupported("'for \(keyword.text)'", at: keyword)
        }
        if let annotation = node.typeAnnotation { unsupported("a type annotation in 'for'", at: annotation) }
        var name: Name?
        if let identifier = node.pattern.as(IdentifierPatternSyntax.self) {
            name = Name(identifier.identifier.text)
        } else if !node.pattern.is(WildcardPatternSyntax.self) {
            unsupported("pattern '\(node.pattern.trimmedDescription)'", at: node.pattern)
        }
        let filter = node.whereClause.map { expression($0.condition) }
        return Stmt(kind: .forIn(name: name, sequence: expression(node.sequence), filter: filter,
                                 body: loopBody(node.body)),
                    span: mapper.span(of: node))
    }

    private mutating func conditions(_ list: ConditionElementListSyntax, keyword: String) -> [Expr] {
        list.compactMap { element in
            switch element.condition {
            case .expression(let expr):
                return expression(expr)
            case .optionalBinding(let binding):
                unsupported("'\(keyword) \(binding.bindingSpecifier.text)'", at: binding)
            case .matchingPattern(let pattern):
                unsupported("'\(keyword) case'", at: pattern)
            case .availability(let availability):
                unsupported("'\(availability.availabilityKeyword.text)'", at: availability)
            }
            return nil
        }
    }

    mutating func body(_ block: CodeBlockSyntax) -> [Stmt] {
        self.block(block.statements)
    }

    private mutating func loopBody(_ block: CodeBlockSyntax) -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return body(block)
    }

    /// Lowers the body of a function or closure, where `return` is allowed and outer loops are not reachable.
    mutating func functionBody<T>(_ lower: (inout Lowerer) -> T) -> T {
        let loops = loopDepth
        loopDepth = 0
        functionDepth += 1
        defer {
            loopDepth = loops
            functionDepth -= 1
        }
        return lower(&self)
    }

    // MARK: Declarations

    private mutating func declaration(_ decl: DeclSyntax) -> [Stmt] {
        if let v = decl.as(VariableDeclSyntax.self) {
            return variable(v)
        }
        if let f = decl.as(FunctionDeclSyntax.self) {
            return function(f).map { [Stmt(kind: .function($0), span: $0.span)] } ?? []
        }
        if let m = decl.as(MacroExpansionDeclSyntax.self) {
            // `#expect(…)` inside a block parses as a declaration; it is the same directive.
            let expr = directive(pound: m.pound, name: m.macroName, arguments: m.arguments,
                                 trailingClosure: m.trailingClosure, node: m)
            return [Stmt(kind: .expression(expr), span: mapper.span(of: m))]
        }
        if decl.is(MissingDeclSyntax.self) {
            return []
        }
        if let config = decl.as(IfConfigDeclSyntax.self) {
            unsupported("'#if'", at: config)
            return []
        }
        unsupported("'\(Self.leadingKeyword(of: decl))'", at: decl)
        return []
    }

    private mutating func variable(_ decl: VariableDeclSyntax) -> [Stmt] {
        checkNoAttributes(decl.attributes, decl.modifiers)
        let isMutable = decl.bindingSpecifier.tokenKind == .keyword(.var)
        if !isMutable && decl.bindingSpecifier.tokenKind != .keyword(.let) {
            unsupported("'\(decl.bindingSpecifier.text)'", at: decl.bindingSpecifier)
            return []
        }
        var statements: [Stmt] = []
        for binding in decl.bindings {
            if let accessor = binding.accessorBlock {
                unsupported("computed property '\(binding.pattern.trimmedDescription)'", at: accessor)
                continue
            }
            var name: Name?
            if let identifier = binding.pattern.as(IdentifierPatternSyntax.self) {
                name = Name(identifier.identifier.text)
            } else if !binding.pattern.is(WildcardPatternSyntax.self) {
                unsupported("pattern '\(binding.pattern.trimmedDescription)'", at: binding.pattern)
                continue
            }
            let type = binding.typeAnnotation.flatMap { typeName($0.type) }
            let value = binding.initializer.map { expression($0.value) }
            let lowered = Binding(isMutable: isMutable, name: name, nameSpan: mapper.span(of: binding.pattern),
                                  type: type, value: value)
            statements.append(Stmt(kind: .binding(lowered), span: mapper.span(of: binding)))
        }
        return statements
    }

    private mutating func function(_ decl: FunctionDeclSyntax) -> FunctionDecl? {
        checkNoAttributes(decl.attributes, decl.modifiers)
        if let generic = decl.genericParameterClause {
            unsupported("generic parameter '\(generic.trimmedDescription)'", at: generic)
        }
        if let effects = decl.signature.effectSpecifiers {
            unsupported("'\(effects.trimmedDescription)'", at: effects)
        }
        if let clause = decl.genericWhereClause { unsupported("'where'", at: clause) }
        var parameters: [FunctionDecl.Parameter] = []
        for parameter in decl.signature.parameterClause.parameters {
            checkNoAttributes(parameter.attributes, parameter.modifiers)
            if let ellipsis = parameter.ellipsis { unsupported("variadic parameter '...'", at: ellipsis) }
            let label = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            let inner = parameter.secondName ?? parameter.firstName
            let name = inner.tokenKind == .wildcard ? nil : Name(inner.text)
            parameters.append(.init(label: label, name: name, type: typeName(parameter.type) ?? .named("?"),
                                    defaultValue: parameter.defaultValue.map { expression($0.value) }))
        }
        let returnType = decl.signature.returnClause.flatMap { typeName($0.type) }
        guard let body = decl.body else {
            return nil  // the parser reports the missing body
        }
        let statements = functionBody { $0.body(body) }
        return FunctionDecl(name: Name(decl.name.text), parameters: parameters, returnType: returnType,
                            body: statements, span: mapper.span(of: decl.name))
    }

    private mutating func checkNoAttributes(_ attributes: AttributeListSyntax, _ modifiers: DeclModifierListSyntax) {
        for attribute in attributes {
            unsupported("attribute '\(attribute.trimmedDescription)'", at: attribute)
        }
        for modifier in modifiers {
            unsupported("'\(modifier.name.text)'", at: modifier)
        }
    }

    /// A type annotation the language knows: a name, `[T]`, or a function type.
    mutating func typeName(_ type: TypeSyntax) -> TypeName? {
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            if let generic = identifier.genericArgumentClause {
                unsupported("generic arguments '\(generic.trimmedDescription)'", at: generic)
                return nil
            }
            guard Builtins.knownTypeNames.contains(identifier.name.text) else {
                if !identifier.hasError {
                    report("cannot find type '\(identifier.name.text)' in scope", at: mapper.span(of: identifier))
                }
                return nil
            }
            return .named(identifier.name.text)
        }
        if let array = type.as(ArrayTypeSyntax.self) {
            return typeName(array.element).map { .array($0) }
        }
        if type.is(FunctionTypeSyntax.self) {
            return .function
        }
        if let some = type.as(SomeOrAnyTypeSyntax.self) {
            // `some Layer` and `any Layer` mean a layer here.
            return typeName(some.constraint)
        }
        if type.is(MissingTypeSyntax.self) {
            return nil
        }
        unsupported("type '\(type.trimmedDescription)'", at: type)
        return nil
    }

    /// The keyword a construct starts with (`guard`, `struct`), to name it in a diagnostic.
    static func leadingKeyword(of node: some SyntaxProtocol) -> String {
        for token in node.tokens(viewMode: .sourceAccurate) {
            // `@MainActor private struct S` is named by `struct`, not its attributes or modifiers.
            let decoration = sequence(first: Syntax(token), next: { $0.parent }).contains {
                $0.is(AttributeSyntax.self) || $0.is(DeclModifierSyntax.self)
            }
            if decoration || token.tokenKind == .pound { continue }
            return token.text
        }
        return node.trimmedDescription
    }
}
