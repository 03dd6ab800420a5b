import Synchronization

/// Packed copies of recently multiplied weight arrays, so a layer applied again skips packing
/// (as inference engines pack weights once, when a model is loaded).
///
/// An entry keeps the weights array itself alive: while it does, the array's storage cannot be
/// freed or changed in place (copy on write copies a shared buffer first), so finding the same
/// storage address means finding the same values.
final class PackedWeights: @unchecked Sendable {
    /// How B was cut into panels and blocks, and what it is made from the weights array; packed
    /// copies match only for the same layout.
    struct Layout: Hashable {
        let n: Int, ldb: Int, segments: Int, run: Int
        let panels: [Int]
        var form = Form.array
    }

    /// What B is made from the weights array.
    enum Form: Hashable {
        /// B is the array itself.
        case array
        /// B is the array's Winograd transform (`Winograd`): all 16 positions, or one of them packed.
        case winograd(position: Int?)
    }

    private struct Key: Hashable {
        let storage: UInt
        let count: Int
        let layout: Layout
    }

    /// Packed values kept at most, across entries (64 MiB).
    static let capacity = 1 << 24

    private static let cache = Mutex<[PackedWeights]>([])
    /// Keys of weights multiplied recently without packing, most recent last. A stale key (its
    /// storage since reused) can only make packing happen once more than needed.
    private static let seen = Mutex<[Key]>([])
    private static let seenLimit = 64

    private let key: Key
    private let owner: [Float]
    /// The packed values.
    let pointer: UnsafeMutablePointer<Float>
    private let count: Int

    private init(key: Key, owner: [Float], count: Int) {
        self.key = key
        self.owner = owner
        self.count = count
        pointer = .allocate(capacity: count)
    }

    deinit { pointer.deallocate() }

    /// Whether `weights` with `layout` is cached or was multiplied before; remembers it if not.
    static func isReused(_ weights: [Float], layout: Layout) -> Bool {
        let key = Key(storage: weights.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }, count: weights.count, layout: layout)
        if cache.withLock({ entries in entries.contains { $0.key == key } }) { return true }
        return seen.withLock { keys in
            if keys.contains(key) { return true }
            keys.append(key)
            if keys.count > seenLimit { keys.removeFirst() }
            return false
        }
    }

    /// The packed copy of `weights` for `layout`, made with `pack` on a miss; nil when it would
    /// not fit the cache (the caller then packs into scratch memory).
    static func find(
        _ weights: [Float], layout: Layout, count: Int, pack: (UnsafeMutablePointer<Float>) -> Void
    ) -> PackedWeights? {
        guard count <= capacity else { return nil }
        let storage = weights.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let key = Key(storage: storage, count: weights.count, layout: layout)
        let hit = cache.withLock { entries -> PackedWeights? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry
        }
        if let hit { return hit }
        let entry = PackedWeights(key: key, owner: weights, count: count)
        pack(entry.pointer)
        cache.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append(entry)
            var total = entries.reduce(0) { $0 + $1.count }
            while total > capacity, let oldest = entries.first {
                total -= oldest.count
                entries.removeFirst()
            }
        }
        return entry
    }
}
