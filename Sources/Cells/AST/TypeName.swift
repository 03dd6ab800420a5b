/// A type as written in an annotation: `Int`, `[Int]`, `Layer`, `(Int) -> Int`.
indirect enum TypeName: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case array(TypeName)
    case function

    var description: String {
        switch self {
        case .named(let name): name
        case .array(let element): "[\(element)]"
        case .function: "function"
        }
    }
}
