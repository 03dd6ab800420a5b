extension Tensor {
    /// The same elements in the same order under a new shape; one size may be −1 and is inferred.
    /// - Throws: `KernelsError` when the element counts differ, more than one size is −1, a size
    ///   is below −1, or −1 cannot be inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        if let bad = newShape.first(where: { $0 < -1 }) {
            throw KernelsError("cannot reshape \(shape) to \(newShape): sizes must be 0 or more, or −1 to infer one, not \(signed(bad))")
        }
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        guard inferred.count <= 1 else {
            throw KernelsError("cannot reshape \(shape) to \(newShape): only one size can be −1, not \(inferred.count)")
        }
        var resolved = newShape
        if let axis = inferred.first {
            let known = try Tensor.elementCount(of: newShape.enumerated().map { $0.offset == axis ? 1 : $0.element })
            guard known > 0, count % known == 0 else {
                throw KernelsError("cannot reshape \(shape) (\(count) values) to \(newShape): \(count) is not a multiple of \(known)")
            }
            resolved[axis] = count / known
        }
        let newCount = try Tensor.elementCount(of: resolved)
        guard newCount == count else {
            throw KernelsError("cannot reshape \(shape) (\(count) values) to \(newShape) (\(newCount) values)")
        }
        return Tensor(unchecked: resolved, scalars)
    }

    /// A copy of part of the tensor: `.at(i)` keeps index i and drops that axis, `.range(r)` keeps
    /// the indices in r and the axis; axes without an index are kept whole.
    /// - Throws: `KernelsError` when there are more indices than axes or one is out of bounds.
    public func slice(_ indices: [TensorIndex]) throws -> Tensor {
        let (ranges, resultShape) = try region(indices)
        var result: [Float] = []
        result.reserveCapacity(resultShape.reduce(1, *))
        scalars.withUnsafeBufferPointer { source in
            Tensor.walk(ranges.map(\.count), strides: Tensor.strides(of: shape), base: offset(of: ranges)) {
                result.append(source[$0])
            }
        }
        return Tensor(unchecked: resultShape, result)
    }

    /// Writes `values`, broadcast to the shape of `slice(indices)`, into the part `indices` picks:
    /// `t[0..<2, 3] = …` with a tensor of the slice's shape, one that broadcasts to it, or a
    /// scalar `[]`.
    /// - Throws: `KernelsError` when the indices do not fit, or `values` does not broadcast to the
    ///   slice's shape.
    public mutating func assign(_ values: Tensor, at indices: [TensorIndex]) throws {
        let (ranges, sliceShape) = try region(indices)
        guard Tensor.broadcastStrides(from: values.shape, to: sliceShape) != nil else {
            throw KernelsError("cannot assign a tensor of shape \(values.shape) to a slice of shape \(sliceShape): "
                               + "sizes matched from the last axis must be equal, or 1 in \(values.shape)")
        }
        let source = try values.broadcasted(to: sliceShape)
        let (strides, base) = (Tensor.strides(of: shape), offset(of: ranges))
        var i = 0
        source.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                Tensor.walk(ranges.map(\.count), strides: strides, base: base) { offset in
                    target[offset] = source[i]
                    i += 1
                }
            }
        }
    }

    /// The index range `indices` pick on every axis, and the shape of the slice (without the
    /// axes picked by one index).
    private func region(_ indices: [TensorIndex]) throws -> (ranges: [Range<Int>], shape: [Int]) {
        guard indices.count <= rank else {
            throw KernelsError("a tensor of shape \(shape) has \(rank) axes but the subscript has \(indices.count) indices")
        }
        var ranges: [Range<Int>] = []
        var resultShape: [Int] = []
        for (axis, size) in shape.enumerated() {
            let index = axis < indices.count ? indices[axis] : .range(0..<size)
            switch index {
            case .at(let i):
                guard (0..<size).contains(i) else {
                    throw KernelsError("index \(signed(i)) is out of range for axis \(axis) of size \(size) in shape \(shape)")
                }
                ranges.append(i..<(i + 1))
            case .range(let r):
                guard r.lowerBound >= 0, r.upperBound <= size else {
                    throw KernelsError(
                        "range \(signed(r.lowerBound))..<\(signed(r.upperBound)) is out of range for axis \(axis) of size \(size) in shape \(shape)")
                }
                ranges.append(r)
                resultShape.append(r.count)
            }
        }
        return (ranges, resultShape)
    }

    /// The offset of the first element of the region `ranges`.
    private func offset(of ranges: [Range<Int>]) -> Int {
        zip(ranges, Tensor.strides(of: shape)).reduce(0) { $0 + $1.0.lowerBound * $1.1 }
    }

    /// The element at `index`, one integer per axis.
    /// - Throws: `KernelsError` when the number of indices is not the rank or one is out of bounds.
    public func scalar(at index: [Int]) throws -> Float {
        guard index.count == rank else {
            throw KernelsError("a tensor of shape \(shape) needs \(rank) indices for one element, not \(index.count)")
        }
        var offset = 0
        for (axis, (i, size)) in zip(index, shape).enumerated() {
            guard (0..<size).contains(i) else {
                throw KernelsError("index \(signed(i)) is out of range for axis \(axis) of size \(size) in shape \(shape)")
            }
            offset = offset * size + i
        }
        return scalars[offset]
    }

    /// The image moved down `offsets[0]` rows and right `offsets[1]` columns (negative: up, left),
    /// with zeros where nothing moved in.
    ///
    /// The spatial axes are 0 and 1 for `[height, width]` and `[height, width, channels]`,
    /// 1 and 2 for `[batch, height, width, channels]`.
    /// - Throws: `KernelsError` when `offsets` is not `[dy, dx]` or the rank is not 2, 3 or 4.
    public func shifted(by offsets: [Int]) throws -> Tensor {
        guard offsets.count == 2 else {
            throw KernelsError("shifted(by:) takes [dy, dx], not \(offsets)")
        }
        guard (2...4).contains(rank) else {
            throw KernelsError(
                "shifted(by:) needs an image [height, width] or [height, width, channels] or a batch [batch, height, width, channels], not shape \(shape)")
        }
        let batch = rank == 4 ? shape[0] : 1
        let height = shape[rank == 4 ? 1 : 0]
        let width = shape[rank == 4 ? 2 : 1]
        let pixel = rank == 2 ? 1 : shape[rank - 1]
        // Clamped so that far shifts (all zeros) cannot overflow the arithmetic below.
        let dy = Swift.min(Swift.max(offsets[0], -height), height)
        let dx = Swift.min(Swift.max(offsets[1], -width), width)
        var result = [Float](repeating: 0, count: count)
        let rows = Swift.max(0, -dy)..<Swift.max(Swift.max(0, -dy), Swift.min(height, height - dy))
        let columns = Swift.max(0, -dx)..<Swift.max(Swift.max(0, -dx), Swift.min(width, width - dx))
        guard !rows.isEmpty, !columns.isEmpty else { return Tensor(unchecked: shape, result) }
        for n in 0..<batch {
            for y in rows {
                let from = ((n * height + y) * width + columns.lowerBound) * pixel
                let to = ((n * height + y + dy) * width + columns.lowerBound + dx) * pixel
                let length = columns.count * pixel
                result.replaceSubrange(to..<(to + length), with: scalars[from..<(from + length)])
            }
        }
        return Tensor(unchecked: shape, result)
    }

    /// Row-major strides: how many elements one step along each axis skips.
    static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in shape.indices.dropLast().reversed() {
            strides[axis] = strides[axis + 1] * shape[axis + 1]
        }
        return strides
    }
}

/// The gradient of `slice(_:)`: a tensor of `inputShape`, zero except where the slice came from,
/// which holds `outputGradient`.
/// - Throws: `KernelsError` when the indices do not fit `inputShape` or the gradient does not have
///   the slice's shape.
public func sliceGradient(_ outputGradient: Tensor, indices: [TensorIndex], inputShape: [Int]) throws -> Tensor {
    let count = try OpChecks.inputCount(inputShape, operation: "sliceGradient")
    var result = Tensor(unchecked: inputShape, [Float](repeating: 0, count: count))
    let picked = try result.slice(indices)
    try OpChecks.outputGradient(outputGradient, expected: picked.shape, operation: "sliceGradient")
    try result.assign(outputGradient, at: indices)
    return result
}
