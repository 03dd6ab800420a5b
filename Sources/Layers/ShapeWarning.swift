/// A shape that works but wastes input, such as a stride that leaves the last rows unused.
public struct ShapeWarning: Sendable, Hashable, CustomStringConvertible {
    /// Which layer raised it.
    var location: LayerLocation
    /// The explanation without the location, lowercase, no final period.
    public let message: String

    /// Creates a warning raised by a layer of `kind`.
    init(_ kind: String, _ message: String) {
        self.location = LayerLocation(kind: kind)
        self.message = message
    }

    /// The short type name of the layer that raised it.
    public var kind: String { location.kind }

    /// The warning as a container one level up sees it.
    func located(at position: String) -> ShapeWarning {
        var copy = self
        copy.location = location.inside(position)
        return copy
    }

    /// The located explanation: "layer 3 (Conv2D): stride 2 does not divide …".
    public var description: String { "\(location): \(message)" }
}
