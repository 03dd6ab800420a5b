import Synchronization

/// Reusable scratch memory for the kernels' packed copies, so repeated calls do not pay for
/// fresh pages (a page fault per 4 KiB) every time.
enum Scratch {
    /// One cached allocation, 64-byte aligned.
    private struct Buffer: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        let bytes: Int
    }

    /// Buffers kept for reuse at most; beyond it the smallest is freed.
    private static let cacheLimit = 8
    /// Bytes kept for reuse at most (64 MiB); beyond it the largest buffers are freed.
    private static let byteLimit = 64 << 20
    private static let cache = Mutex<[Buffer]>([])

    /// Calls `body` with room for `count` values of `T` (uninitialised), returned to the cache after.
    static func with<T, Result>(_ type: T.Type, count: Int, _ body: (UnsafeMutablePointer<T>) throws -> Result) rethrows -> Result {
        let bytes = Swift.max(64, count * MemoryLayout<T>.stride)
        let buffer = take(bytes: bytes)
        defer { give(buffer) }
        return try body(buffer.pointer.bindMemory(to: T.self, capacity: Swift.max(1, count)))
    }

    private static func take(bytes: Int) -> Buffer {
        let cached = cache.withLock { buffers -> Buffer? in
            guard let index = buffers.indices.filter({ buffers[$0].bytes >= bytes })
                .min(by: { buffers[$0].bytes < buffers[$1].bytes }) else { return nil }
            return buffers.remove(at: index)
        }
        return cached ?? Buffer(pointer: .allocate(byteCount: bytes, alignment: 64), bytes: bytes)
    }

    private static func give(_ buffer: Buffer) {
        let evicted = cache.withLock { buffers -> [Buffer] in
            buffers.append(buffer)
            var evicted: [Buffer] = []
            if buffers.count > cacheLimit, let smallest = buffers.indices.min(by: { buffers[$0].bytes < buffers[$1].bytes }) {
                evicted.append(buffers.remove(at: smallest))
            }
            while buffers.reduce(0, { $0 + $1.bytes }) > byteLimit,
                  let largest = buffers.indices.max(by: { buffers[$0].bytes < buffers[$1].bytes }) {
                evicted.append(buffers.remove(at: largest))
            }
            return evicted
        }
        for buffer in evicted { buffer.pointer.deallocate() }
    }
}
