import Kernels

/// One parameter of one layer (its weights, bias, γ, …): where it is in a model, whether gradient
/// descent trains it, and how to read and replace its value.
///
/// A layer lists its own parameters; a model lists its layers' in order, each located by its
/// position. Replacing a value goes through the layer's setter, which checks the shape.
public struct Parameter: CustomStringConvertible {
    /// The layer that holds the parameter.
    public let layer: any Layer
    /// The parameter's name in the layer: `weights`, `bias`, `gamma`, `beta`, `runningMean`, `runningVariance`.
    public let name: String
    /// Whether gradient descent updates it (false for batch norm's running statistics).
    public let isTrainable: Bool
    /// Where the layer stands in the model the list was taken from.
    private(set) var location: LayerLocation
    private let read: () throws -> Tensor
    private let write: (Tensor) throws -> Void

    /// A parameter of `layer`, read and written by `read` and `write`.
    init(_ layer: any Layer, _ name: String, trainable: Bool = true, read: @escaping () throws -> Tensor,
         write: @escaping (Tensor) throws -> Void) {
        self.layer = layer
        self.name = name
        self.isTrainable = trainable
        location = LayerLocation(kind: layer.kind)
        self.read = read
        self.write = write
    }

    /// The current value.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var value: Tensor { get throws { try read() } }

    /// Replaces the value.
    /// - Throws: `LayersError` naming the expected and the given shape when they differ.
    public func assign(_ newValue: Tensor) throws { try write(newValue) }

    /// "layer 1 (Conv2D) weights", or "Conv2D weights" for a layer on its own.
    public var description: String { "\(location) \(name)" }

    /// The same parameter as a container one level up sees it.
    func located(at position: String) -> Parameter {
        var copy = self
        copy.location = location.inside(position)
        return copy
    }

    /// What identifies the parameter whatever the path it was reached by: its layer and name.
    var key: Key { Key(layer: ObjectIdentifier(layer), name: name) }

    struct Key: Hashable {
        let layer: ObjectIdentifier
        let name: String
    }
}

extension Layer {
    /// The parameters gradient descent trains, each once (a layer used twice in a model shares them).
    public var trainableParameters: [Parameter] {
        get throws {
            var seen = Set<Parameter.Key>()
            return try parameters.filter { $0.isTrainable && seen.insert($0.key).inserted }
        }
    }
}
