import Threads
/// Element-wise loops over 16 lanes at a time, shared by the activations and arithmetic.
extension Tensor {
    /// Below this many elements an element-wise op stays on the calling thread.
    static let parallelElementCount = 1 << 17

    /// A tensor of `shape` with `count` elements, all written by `initialize`.
    static func uninitialized(_ shape: [Int], count: Int, _ initialize: (UnsafeMutablePointer<Float>) -> Void) -> Tensor {
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { initialize(base) }
            initialized = count
        }
        return Tensor(unchecked: shape, scalars)
    }

    /// The tensor with `function` applied to every 16 lanes; the tail goes through the same
    /// lanes padded with zeros, so every element sees the same operations.
    func mappedInLanes<Function: LaneFunction>(_ function: Function) -> Tensor {
        let count = self.count
        return scalars.withUnsafeBufferPointer { source in
            Tensor.uninitialized(shape, count: count) { target in
                let shared = UncheckedSendable((source.baseAddress!, target))
                Tensor.forEachChunk(count: count) { range in
                    let (source, target) = shared.value
                    let (x, y) = (source + range.lowerBound, target + range.lowerBound)
                    var i = 0
                    while i + 16 <= range.count {
                        Lanes.store(function(Lanes.load(x + i)), y + i)
                        i += 16
                    }
                    if i < range.count {
                        Lanes.store(function(Lanes.loadPartial(x + i, range.count - i)), y + i, count: range.count - i)
                    }
                }
            }
        }
    }

    /// The element-wise combination of two tensors of the same count, 16 lanes at a time.
    func combinedInLanes<Function: LaneFunction2>(with other: Tensor, _ function: Function) -> Tensor {
        let count = self.count
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Tensor.uninitialized(shape, count: count) { target in
                    let shared = UncheckedSendable((a.baseAddress!, b.baseAddress!, target))
                    Tensor.forEachChunk(count: count) { range in
                        let (a, b, y) = shared.value
                        let offset = range.lowerBound
                        var i = 0
                        while i + 16 <= range.count {
                            Lanes.store(function(Lanes.load(a + offset + i), Lanes.load(b + offset + i)), y + offset + i)
                            i += 16
                        }
                        if i < range.count {
                            let tail = range.count - i
                            let result = function(Lanes.loadPartial(a + offset + i, tail), Lanes.loadPartial(b + offset + i, tail))
                            Lanes.store(result, y + offset + i, count: tail)
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` over chunks of `0..<count` (multiples of 16 long), on all cores when the
    /// items, each `weight` elements, are many.
    static func forEachChunk(count: Int, weight: Int = 1, _ body: (Range<Int>) -> Void) {
        guard count * weight >= parallelElementCount else {
            body(0..<count)
            return
        }
        let parts = Parallel.coreCount * 4
        let chunk = (count / parts + 15) / 16 * 16
        Parallel.forEach(parts: (count + chunk - 1) / chunk, threads: Parallel.coreCount) { part in
            body((part * chunk)..<Swift.min(count, (part + 1) * chunk))
        }
    }

    @inline(__always)
    static func map(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, _ count: Int, _ transform: (Lanes.Vector) -> Lanes.Vector) {
        var i = 0
        while i + 16 <= count {
            Lanes.store(transform(Lanes.load(source + i)), target + i)
            i += 16
        }
        if i < count {
            Lanes.store(transform(Lanes.loadPartial(source + i, count - i)), target + i, count: count - i)
        }
    }
}

/// An element-wise function of 16 lanes. A type rather than a closure, so that every use gets
/// its own specialised loop.
protocol LaneFunction {
    func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector
}

/// An element-wise function of two tensors' lanes, as `LaneFunction` is of one.
protocol LaneFunction2 {
    func callAsFunction(_ a: Lanes.Vector, _ b: Lanes.Vector) -> Lanes.Vector
}
