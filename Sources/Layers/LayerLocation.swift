/// Where in a model a layer stands: its kind and its path through the containers above it.
///
/// A path is read outside in: `["5", "2"]` is the second layer inside the fifth; a residual block's
/// shortcut adds the component `"shortcut"`: `["5", "shortcut", "1"]`.
struct LayerLocation: Sendable, Hashable, CustomStringConvertible {
    /// The layer's short type name, such as `Conv2D`.
    var kind: String
    /// The positions, outermost first; empty for a layer on its own.
    var path: [String] = []

    /// The location as a container one level up sees it.
    func inside(_ position: String) -> LayerLocation {
        LayerLocation(kind: kind, path: [position] + path)
    }

    /// "Conv2D" on its own, "layer 5.2 (Conv2D)" inside models.
    var description: String {
        path.isEmpty ? kind : "layer \(path.joined(separator: ".")) (\(kind))"
    }
}
