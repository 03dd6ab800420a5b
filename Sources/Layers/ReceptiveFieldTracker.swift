/// Follows the receptive field through a model, remembering the size of the current feature map
/// so that a layer that sees its whole input (global pooling, dense) knows how much that is.
struct ReceptiveFieldTracker {
    /// The field of the current output.
    var field = ReceptiveField.pixel
    /// Rows of the last spatial feature map, in its own positions.
    var extentHeight: Int
    /// Columns of the last spatial feature map, in its own positions.
    var extentWidth: Int

    /// Starts at a model's input; an image [height, width, channels] gives the extent, anything else 1×1.
    init(input: [Int]) {
        extentHeight = input.count == 3 ? input[0] : 1
        extentWidth = input.count == 3 ? input[1] : 1
    }

    /// Moves past one layer with `step` whose output shape is `output`.
    mutating func apply(_ step: ReceptiveFieldStep, output: [Int]) {
        switch step {
        case let .window(kernelHeight, kernelWidth, stride, dilation):
            field = field.through(kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, dilation: dilation)
            // A flattened vector keeps the extent of the map it came from: the next dense layer sees all of it.
            if output.count == 3 {
                extentHeight = output[0]
                extentWidth = output[1]
            }
        case .whole:
            field = field.through(kernelHeight: extentHeight, kernelWidth: extentWidth, stride: 1, dilation: 1)
            extentHeight = 1
            extentWidth = 1
        }
    }
}
