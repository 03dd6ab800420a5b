/// What `fit` measured, epoch by epoch, as Keras's `History`.
public struct TrainingHistory: Sendable, Equatable {
    /// One epoch's measurements.
    public struct Epoch: Sendable, Equatable {
        /// The mean training loss over the epoch's examples (each batch's loss weighted by its size,
        /// measured as the batch was trained on).
        public let loss: Float
        /// The fraction of training examples classified correctly as they were trained on, or nil
        /// when the loss has no classes.
        public let accuracy: Float?
        /// The loss on the validation data after the epoch, in inference mode, or nil.
        public let validationLoss: Float?
        /// The accuracy on the validation data after the epoch, or nil.
        public let validationAccuracy: Float?
        /// The learning rate the epoch was trained with.
        public let learningRate: Float
    }

    /// The epochs, in order.
    public internal(set) var epochs: [Epoch] = []

    /// The training loss of each epoch.
    public var loss: [Float] { epochs.map(\.loss) }
    /// The training accuracy of each epoch (empty without classes).
    public var accuracy: [Float] { epochs.compactMap(\.accuracy) }
    /// The validation loss of each epoch (empty without validation data).
    public var validationLoss: [Float] { epochs.compactMap(\.validationLoss) }
    /// The validation accuracy of each epoch (empty without validation data or classes).
    public var validationAccuracy: [Float] { epochs.compactMap(\.validationAccuracy) }
}

/// Where a `fit` stands, given to its checkpoint after every batch.
public struct TrainingProgress: Sendable, Equatable {
    /// The epoch, from 1, and how many there are.
    public let epoch: Int, epochs: Int
    /// The batch within the epoch, from 1, and how many there are.
    public let batch: Int, batches: Int
    /// The loss of the batch just trained on.
    public let loss: Float
}

/// A model's loss and accuracy on some data, as Keras's `evaluate` gives them.
public struct Evaluation: Sendable, Equatable {
    /// The mean loss over the examples.
    public let loss: Float
    /// The fraction classified correctly, or nil when the loss has no classes.
    public let accuracy: Float?
}
