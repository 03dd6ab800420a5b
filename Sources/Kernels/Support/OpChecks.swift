/// Validation shared by the ops, phrased for the lesson with the op's name in front.
enum OpChecks {
    /// The element count of an output of `shape`, or the budget error prefixed with `operation`.
    static func outputCount(_ shape: [Int], operation: String) throws -> Int {
        do {
            return try Tensor.elementCount(of: shape)
        } catch let error as KernelsError {
            throw KernelsError("\(operation): the output would be too large: \(error.message)")
        }
    }

    /// Checks that `bias`, when present, is `[count]`; `owner` says where `count` comes from
    /// ("the kernel [3, 3, 3, 16] has 16 output channels").
    static func bias(_ bias: Tensor?, count: Int, operation: String, owner: @autoclosure () -> String) throws {
        guard let bias, bias.shape != [count] else { return }
        throw KernelsError(
            "\(operation): the bias must have one value per output channel: \(owner()) but the bias has shape \(bias.shape)")
    }

    /// The sides and depths of a kernel [height, width, channels, last] for an image of `layout`, checked:
    /// four axes, named `axes` in the message, and `layout`'s channels on the third.
    static func kernel(
        _ kernel: Tensor, axes: String, input: Tensor, layout: ImageLayout, operation: String
    ) throws -> (height: Int, width: Int, channels: Int, last: Int) {
        guard kernel.rank == 4 else {
            throw KernelsError("\(operation): the kernel must be \(axes), not shape \(kernel.shape)")
        }
        let (height, width, channels, last) = (kernel.shape[0], kernel.shape[1], kernel.shape[2], kernel.shape[3])
        guard channels == layout.channels else {
            throw KernelsError(
                "\(operation): the kernel \(kernel.shape) expects \(channels) input channels but the input \(input.shape) has \(layout.channels)")
        }
        return (height, width, channels, last)
    }
}

extension OpChecks {
    /// Checks that a backward op's `gradient` has the shape of the forward op's output.
    static func outputGradient(_ gradient: Tensor, expected: [Int], operation: String) throws {
        guard gradient.shape == expected else {
            throw KernelsError(
                "\(operation): the output gradient must have the shape of the output, \(expected), not \(gradient.shape)")
        }
    }

    /// The element count of `shape` given for an input, or the budget error prefixed with `operation`.
    static func inputCount(_ shape: [Int], operation: String) throws -> Int {
        do {
            return try Tensor.elementCount(of: shape)
        } catch let error as KernelsError {
            throw KernelsError("\(operation): \(error.message)")
        }
    }
}
