/// A read-only structure with named fields (`field.height`) and a display (`5×5, jump 2`).
final class Record {
    /// Its Swift type name, for diagnostics.
    let typeName: String
    /// The fields by name.
    let fields: [String: Value]
    /// How it displays.
    let text: String

    init(_ typeName: String, fields: [String: Value], text: String) {
        self.typeName = typeName
        self.fields = fields
        self.text = text
    }
}
