/// A model's shapes from input to output, one stage per layer, for a diagram: the input stage
/// first, then the layers in order, added with `append` and `extendLastLabel`.
public struct ModelDiagram: Sendable, Hashable, Codable {
    /// One step of the diagram: the input, or a layer and the shape it gives.
    public struct Stage: Sendable, Hashable, Codable {
        /// `input`, or the layer in short (`Conv2D 3×3 · 16`).
        public var label: String
        /// The shape after this stage, without the batch axis.
        public var shape: [Int]
        /// The stage's parameters (trainable and not).
        public var parameters: Int
    }

    /// The stages, the input first.
    public private(set) var stages: [Stage]
    /// Text for readers who cannot see the diagram (`a model from 32×32×3 to 10 in 6 stages, …`),
    /// set by the diagram's maker, who knows what the stages are of.
    public var alt = ""

    /// A diagram of an input of shape `input` alone, without the batch axis.
    public init(input: [Int]) {
        stages = [Stage(label: "input", shape: input, parameters: 0)]
    }

    /// Adds a layer's stage: the layer in short, the shape it gives and its parameters.
    public mutating func append(_ label: String, shape: [Int], parameters: Int) {
        stages.append(Stage(label: label, shape: shape, parameters: parameters))
    }

    /// Adds a layer drawn as part of the last stage (an activation after a convolution) to its label:
    /// `Conv2D 3×3 · 16` becomes `Conv2D 3×3 · 16, ReLU`.
    public mutating func extendLastLabel(with label: String) {
        stages[stages.count - 1].label += ", " + label
    }
}
