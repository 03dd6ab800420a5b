/// Members of strings: `uppercased()`, `contains(_:)`, `hasPrefix(_:)`, ….
enum StringMethods {
    private static func text(_ call: Invocation) -> String {
        guard case .string(let text) = call.receiver else { preconditionFailure("receiver is not a string") }
        return text
    }

    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        Builtin("uppercased", []) { call in .string(text(call).uppercased()) },
        Builtin("lowercased", []) { call in .string(text(call).lowercased()) },
        Builtin("contains", [.required(nil, .string)]) { call in .bool(text(call).contains(call.string(0))) },
        Builtin("hasPrefix", [.required(nil, .string)]) { call in .bool(text(call).hasPrefix(call.string(0))) },
        Builtin("hasSuffix", [.required(nil, .string)]) { call in .bool(text(call).hasSuffix(call.string(0))) },
    ].map { ($0.name, $0) })
}
