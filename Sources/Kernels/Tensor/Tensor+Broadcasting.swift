/// NumPy's broadcasting: shapes are matched from their last axes, and each pair of sizes must
/// be equal or contain a 1, which is repeated; a missing leading axis counts as size 1.
extension Tensor {
    /// The shape `a` and `b` broadcast to, or nil when a pair of sizes is neither equal nor 1.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var shape = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let x = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let y = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            shape[axis] = x == 1 ? y : x
        }
        return shape
    }

    /// The shape `a` and `b` broadcast to.
    /// - Throws: `KernelsError` naming both shapes and the first pair of sizes, counted from the
    ///   last axis, that are neither equal nor 1 (`verb`: "add", "compare").
    static func broadcastShape(_ a: [Int], _ b: [Int], verb: String) throws -> [Int] {
        if let shape = broadcastShape(a, b) { return shape }
        let pairs = zip(a.reversed(), b.reversed()).enumerated()
        let (back, sizes) = pairs.first { $0.element.0 != $0.element.1 && $0.element.0 != 1 && $0.element.1 != 1 }!
        let place = back == 0 ? "last axis" : "axis \(back + 1) from the end"
        throw KernelsError(
            "cannot \(verb) tensors of shapes \(a) and \(b): their \(place) has sizes \(sizes.0) and \(sizes.1); "
            + "sizes matched from the last axis must be equal or 1")
    }

    /// The tensor repeated along its size-1 (or missing leading) axes to `shape`.
    /// - Throws: `KernelsError` when the tensor does not broadcast to `shape`, or the result
    ///   would exceed the element budget.
    public func broadcasted(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        guard let strides = Tensor.broadcastStrides(from: shape, to: target) else {
            throw KernelsError("cannot broadcast a tensor of shape \(shape) to shape \(target): "
                               + "sizes matched from the last axis must be equal, or 1 in \(shape)")
        }
        let count = try OpChecks.outputCount(target, operation: "broadcast")
        var result: [Float] = []
        result.reserveCapacity(count)
        scalars.withUnsafeBufferPointer { source in
            Tensor.walk(target, strides: strides) { result.append(source[$0]) }
        }
        return Tensor(unchecked: target, result)
    }

    /// This tensor (the gradient of a broadcast to its shape) summed over the axes along which
    /// a tensor of shape `target` was repeated: the gradient of `broadcasted(to:)`. Each sum is
    /// accumulated in `Double` in row-major order.
    /// - Throws: `KernelsError` when `target` does not broadcast to this tensor's shape.
    public func summed(toShape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        guard let strides = Tensor.broadcastStrides(from: target, to: shape) else {
            throw KernelsError("cannot sum a tensor of shape \(shape) to shape \(target): "
                               + "\(target) does not broadcast to \(shape)")
        }
        var sums = [Double](repeating: 0, count: try Tensor.elementCount(of: target))
        var i = 0
        scalars.withUnsafeBufferPointer { source in
            Tensor.walk(shape, strides: strides) { offset in
                sums[offset] += Double(source[i])
                i += 1
            }
        }
        return Tensor(unchecked: target, sums.map { Float($0) })
    }

    /// For each axis of `target`, how far one step moves in a tensor of `shape`: its own stride,
    /// or 0 where it is repeated; nil when `shape` does not broadcast to `target`.
    static func broadcastStrides(from shape: [Int], to target: [Int]) -> [Int]? {
        guard shape.count <= target.count else { return nil }
        let own = strides(of: shape)
        let lead = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for axis in shape.indices {
            let size = shape[axis]
            guard size == target[lead + axis] || size == 1 else { return nil }
            result[lead + axis] = size == 1 ? 0 : own[axis]
        }
        return result
    }

    /// Visits every position of `shape` in row-major order, with its offset `base + Σ index·stride`.
    static func walk(_ shape: [Int], strides: [Int], base: Int = 0, _ body: (Int) -> Void) {
        guard !shape.contains(0) else { return }
        guard let last = shape.indices.last else {
            body(base)
            return
        }
        var index = [Int](repeating: 0, count: shape.count)
        var offset = base
        let (size, step) = (shape[last], strides[last])
        while true {
            for i in 0..<size { body(offset + i * step) }
            var axis = last - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }
}
