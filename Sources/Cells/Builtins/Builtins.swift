/// The names every notebook starts with (DESIGN §4 "Built-ins"), bound to Kernels and Layers.
enum Builtins {
    /// A global built-in: a function or a type.
    enum Entry: Sendable {
        case function(Builtin)
        case type(BuiltinType)
    }

    /// Every global built-in by name.
    static let table: [String: Entry] = {
        var table: [String: Entry] = [:]
        for function in coreFunctions + tensorFunctions + tensorUtilityFunctions + trainingFunctions {
            table[function.name] = .function(function)
        }
        for type in coreTypes + [tensorType] + layerTypes + trainingTypes + dataTypes {
            table[type.name] = .type(type)
        }
        return table
    }()

    /// The built-in called `name`, as a value.
    static func global(_ name: String) -> Value? {
        switch table[name] {
        case .function(let function): .function(Function(.builtin(function, receiver: nil)))
        case .type(let type): .type(type)
        case nil: nil
        }
    }

    /// Type names an annotation may use.
    static let knownTypeNames: Set<String> = Set(table.compactMap { name, entry in
        if case .type = entry { name } else { nil }
    }).union(["Any", "Layer", "Range", "ClosedRange"])
}
