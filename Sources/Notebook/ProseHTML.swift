#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A piece of prose as HTML, in UTF-8: a slice of the buffer cmark rendered the page's prose into.
///
/// The pieces of a page share cmark's buffer rather than copying it: a 10 MB page's prose is
/// written once by cmark and read once when the page is put together, never re-validated (valid
/// UTF-8 in gives valid UTF-8 out of cmark).
public struct ProseHTML: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    private let storage: Storage
    private let range: Range<Int>

    /// HTML given as text (a copy of its bytes).
    public init(_ text: String) {
        var text = text
        storage = text.withUTF8 { Storage(copying: UnsafeRawBufferPointer($0)) }
        range = 0..<storage.count
    }

    /// HTML written as a literal.
    public init(stringLiteral text: String) {
        self.init(text)
    }

    init(storage: Storage, range: Range<Int>) {
        self.storage = storage
        self.range = range
    }

    /// The number of UTF-8 bytes.
    public var count: Int { range.count }

    /// Calls `body` with the HTML's UTF-8 bytes, without copying them.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.bytes.assumingMemoryBound(to: UInt8.self) + range.lowerBound, count: range.count))
    }

    /// The HTML as a string.
    public var text: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    public var description: String { text }

    public static func == (lhs: ProseHTML, rhs: ProseHTML) -> Bool {
        lhs.count == rhs.count && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension ProseHTML {
    /// Bytes that never change once made, freed with the last piece that refers to them.
    final class Storage: @unchecked Sendable {
        let bytes: UnsafeRawPointer
        let count: Int
        /// What to pass to `free`.
        private let allocation: UnsafeMutableRawPointer?

        /// Takes ownership of `count` bytes at `bytes`, allocated by `malloc` at `allocation`.
        init(adopting bytes: UnsafeRawPointer, count: Int, allocation: UnsafeMutableRawPointer) {
            self.bytes = bytes
            self.count = count
            self.allocation = allocation
        }

        init(copying source: UnsafeRawBufferPointer) {
            let copy = malloc(max(source.count, 1))!
            if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: source.count) }
            bytes = UnsafeRawPointer(copy)
            count = source.count
            allocation = copy
        }

        deinit { free(allocation) }
    }
}
