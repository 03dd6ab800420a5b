#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Ccmark

/// Memory for one cmark tree: bump-allocated from a few large blocks and given back all at once.
///
/// A 10 MB page is about a million nodes. With glibc's `malloc`, freeing them one by one and then
/// consolidating the freed chunks on the next large allocation took a fifth of the page's time;
/// here the tree goes when the blocks go. What cmark frees while parsing (a third of what it
/// allocates: delimiters, merged text, paragraph buffers) is kept on a free list per size and
/// handed out again, since every megabyte touched costs page faults and zeroing. Requests of
/// `largeSize` bytes or more (the rendered HTML, huge code blocks) go to `malloc`, whose `mremap`
/// grows them in place.
///
/// cmark's allocator callbacks carry no context, so they find the arena of the current thread
/// through a thread-local key, set for the duration of `withCurrent`.
final class CmarkArena {
    /// The allocator to hand to cmark (`cmark_parser_new_with_mem`, `cmark_node_new_with_mem`).
    let mem: UnsafeMutablePointer<cmark_mem>
    private let state: UnsafeMutablePointer<State>

    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        mem = .allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
    }

    deinit {
        state.pointee.releaseAll()
        state.deinitialize(count: 1)
        state.deallocate()
        mem.deallocate()
    }

    /// Runs `body` with this arena as the thread's allocator for cmark's callbacks.
    func withCurrent<T>(_ body: () throws -> T) rethrows -> T {
        let key = arenaKey
        let previous = pthread_getspecific(key)
        pthread_setspecific(key, UnsafeRawPointer(state))
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// Takes `pointer` out of the arena if it is a `largeSize` allocation (such as cmark's rendered
    /// HTML), returning what the new owner passes to `free`; nil if it lives in the arena's blocks.
    func detach(_ pointer: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
        state.pointee.detach(pointer) ? pointer - State.systemHeader : nil
    }
}

/// The arena's bookkeeping, reached by the C callbacks through a raw pointer (no reference
/// counting or exclusivity checks on the hot path).
private struct State {
    /// The next free byte; kept at 8 mod 16 so that the 8-byte header leaves the allocation
    /// 16-byte aligned, as `malloc`'s would be.
    var top: UnsafeMutableRawPointer?
    var end: UnsafeMutableRawPointer?
    var blocks: [(UnsafeMutableRawPointer, Int)] = []
    /// Live `malloc` allocations (large requests), freed with the arena unless detached.
    var system: Set<UnsafeMutableRawPointer> = []
    /// Freed arena allocations by size class (total size / 16), linked through their first word.
    let freeLists = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: largeSize / 16 + 2)

    init() {
        freeLists.initialize(repeating: nil, count: Self.largeSize / 16 + 2)
    }

    static let largeSize = 64 << 10
    static let systemHeader = 16
    private static let hugePage = 2 << 20

    /// Each allocation is preceded by a header word: its size shifted left once, low bit set when
    /// it came from `malloc`.
    mutating func allocate(_ count: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        if count >= Self.largeSize { return allocateSystem(count, zeroed: zeroed) }
        let total = (count + 8 + 15) & ~15
        if let reused = freeLists[total / 16] {
            freeLists[total / 16] = reused.load(as: UnsafeMutableRawPointer?.self)
            (reused - 8).storeBytes(of: UInt64(count) << 1, as: UInt64.self)
            if zeroed { reused.initializeMemory(as: UInt8.self, repeating: 0, count: count) }
            return reused
        }
        if top == nil || end! - top! < total { addBlock(atLeast: total) }
        let header = top!
        header.storeBytes(of: UInt64(count) << 1, as: UInt64.self)
        top = header + total
        // Fresh blocks are zero pages and arena memory is never reused, so calloc needs no memset.
        return header + 8
    }

    mutating func allocateSystem(_ count: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        guard let base = zeroed ? calloc(1, count + Self.systemHeader) : malloc(count + Self.systemHeader) else { return nil }
        let pointer = base + Self.systemHeader
        (pointer - 8).storeBytes(of: UInt64(count) << 1 | 1, as: UInt64.self)
        system.insert(pointer)
        return pointer
    }

    mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, _ count: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(count, zeroed: false) }
        let header = (pointer - 8).load(as: UInt64.self)
        let old = Int(header >> 1)
        if header & 1 == 1 {
            system.remove(pointer)
            guard let base = realloc(pointer - Self.systemHeader, count + Self.systemHeader) else { return nil }
            let moved = base + Self.systemHeader
            (moved - 8).storeBytes(of: UInt64(count) << 1 | 1, as: UInt64.self)
            system.insert(moved)
            return moved
        }
        if count <= old { return pointer }
        // The most recent allocation grows in place (a buffer being appended to).
        let oldTotal = (old + 8 + 15) & ~15, newTotal = (count + 8 + 15) & ~15
        if count < Self.largeSize, pointer - 8 + oldTotal == top, end! - (pointer - 8) >= newTotal {
            (pointer - 8).storeBytes(of: UInt64(count) << 1, as: UInt64.self)
            top = pointer - 8 + newTotal
            return pointer
        }
        guard let moved = allocate(count, zeroed: false) else { return nil }
        moved.copyMemory(from: pointer, byteCount: old)
        release(pointer)
        return moved
    }

    mutating func release(_ pointer: UnsafeMutableRawPointer?) {
        guard let pointer else { return }
        let header = (pointer - 8).load(as: UInt64.self)
        if header & 1 == 1 {
            system.remove(pointer)
            free(pointer - Self.systemHeader)
        } else {
            let total = (Int(header >> 1) + 8 + 15) & ~15
            pointer.storeBytes(of: freeLists[total / 16], as: UnsafeMutableRawPointer?.self)
            freeLists[total / 16] = pointer
        }
    }

    mutating func detach(_ pointer: UnsafeMutableRawPointer) -> Bool {
        system.remove(pointer) != nil
    }

    /// Blocks double from 1 MB to 32 MB; those of 2 MB and more are aligned for huge pages, which
    /// turn thousands of page faults into a few.
    private mutating func addBlock(atLeast total: Int) {
        let size = max(total + 16, min(32 << 20, (1 << 20) << blocks.count))
        let aligned = size >= Self.hugePage
        let length = aligned ? (size + Self.hugePage - 1) / Self.hugePage * Self.hugePage : size
        let mapped = mmap(nil, length + (aligned ? Self.hugePage : 0), PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { fatalError("out of memory reading Markdown") }
        var base = mapped
        if aligned {
            // Trim the mapping to a 2 MB-aligned range and ask for huge pages there.
            let address = UInt(bitPattern: mapped)
            let start = (address + UInt(Self.hugePage) - 1) & ~UInt(Self.hugePage - 1)
            let head = Int(start - address)
            if head > 0 { munmap(mapped, head) }
            base = mapped + head
            let tail = Self.hugePage - head
            if tail > 0 { munmap(base + length, tail) }
            madvise(base, length, MADV_HUGEPAGE)
        }
        blocks.append((base, length))
        top = base + 8
        end = base + length
    }

    mutating func releaseAll() {
        for (base, length) in blocks { munmap(base, length) }
        blocks = []
        for pointer in system { free(pointer - Self.systemHeader) }
        system = []
        top = nil
        end = nil
        freeLists.deallocate()
    }
}

/// The thread-local key through which cmark's callbacks find the current arena.
private let arenaKey: pthread_key_t = {
    var key = pthread_key_t()
    guard pthread_key_create(&key, nil) == 0 else { fatalError("no thread-local key for cmark's arena") }
    return key
}()

private func currentState() -> UnsafeMutablePointer<State> {
    guard let raw = pthread_getspecific(arenaKey) else { fatalError("cmark allocated outside CmarkArena.withCurrent") }
    return raw.assumingMemoryBound(to: State.self)
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { return nil }
    return currentState().pointee.allocate(bytes, zeroed: true)
}

private func arenaRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    currentState().pointee.reallocate(pointer, size)
}

private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {
    currentState().pointee.release(pointer)
}
