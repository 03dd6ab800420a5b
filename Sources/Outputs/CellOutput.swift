/// One thing a cell shows, in the order it happened (as a Jupyter cell's outputs).
public enum CellOutput: Sendable, Hashable, Codable {
    /// Text written by `print(…)`, with its final newline.
    case text(String)
    /// The display of the cell's last expression, in the lesson's terms (`[30, 30, 16]`).
    case value(String)
    /// A table: a model summary (`#summary`), or a value best shown as one.
    case table(Table)
    /// A picture made by `#show`.
    case figure(Figure)
    /// A model's shapes layer by layer, drawn as a diagram (`#show(model)`).
    case diagram(ModelDiagram)
    /// Curves over training, drawn as line charts (`#show(history)`).
    case chart(Chart)
    /// The result of a `#expect` or `#require`.
    case claim(ClaimResult)
    /// An error or warning, located in the `.md` file; an error ends its cell.
    case diagnostic(Diagnostic)
}

extension CellOutput {
    /// Whether the output reports something wrong: a failed claim or a diagnostic. Failures stay
    /// visible under `output: false`, since a reader must see what is wrong.
    public var isFailure: Bool {
        switch self {
        case .claim(let claim): !claim.passed
        case .diagnostic: true
        default: false
        }
    }
}
