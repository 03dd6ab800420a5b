/// A model's shapes from input to output, one stage per layer, for a diagram.
public struct ModelDiagram: Sendable, Hashable, Codable {
    /// One step of the diagram: the input, or a layer and the shape it gives.
    public struct Stage: Sendable, Hashable, Codable {
        /// `input`, or the layer in short (`Conv2D 3×3 · 16`).
        public var label: String
        /// The shape after this stage, without the batch axis.
        public var shape: [Int]
        /// The stage's parameters (trainable and not).
        public var parameters: Int

        /// Creates a stage.
        public init(label: String, shape: [Int], parameters: Int) {
            self.label = label
            self.shape = shape
            self.parameters = parameters
        }
    }

    /// The stages, the input first.
    public var stages: [Stage]
    /// Text for readers who cannot see the diagram.
    public var alt: String

    /// Creates a diagram.
    public init(stages: [Stage], alt: String) {
        self.stages = stages
        self.alt = alt
    }
}
