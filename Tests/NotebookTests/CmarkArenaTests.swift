import Ccmark
import Foundation
import Testing
@testable import Notebook

@Suite struct CmarkArenaTests {
    /// cmark's own `cmark_markdown_to_html` (its default allocator) is the reference.
    func reference(_ markdown: String) -> String {
        guard let html = cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    func renderedInArena(_ markdown: String) -> String {
        let arena = CmarkArena()
        return arena.withCurrent {
            let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, arena.mem)
            cmark_parser_feed(parser, markdown, markdown.utf8.count)
            let root = cmark_parser_finish(parser)
            cmark_parser_free(parser)
            guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
            return String(cString: html)
        }
    }

    @Test(arguments: [
        "",
        "# T\n\nsome *emphasis*, `code` and [a link](x \"t\").\n",
        // Many nodes: the arena grows past its first blocks.
        String(repeating: "- item *a* **b** `c` [d](e)\n  > quote _f_\n", count: 20_000),
        // Large single allocations go to malloc and grow there.
        "```\n" + String(repeating: "0123456789abcdef\n", count: 20_000) + "```\n",
        String(repeating: "word ", count: 60_000) + "\n",
    ])
    func aTreeInTheArenaRendersAsCmarkRendersIt(markdown: String) {
        #expect(renderedInArena(markdown) == reference(markdown))
    }

    @Test func callocZeroesAndReallocKeepsTheBytes() throws {
        let arena = CmarkArena()
        try arena.withCurrent {
            let mem = arena.mem.pointee
            for size in [1, 24, 200, 70_000] {
                let block = try #require(mem.calloc(size, 3)).assumingMemoryBound(to: UInt8.self)
                #expect(UnsafeBufferPointer(start: block, count: size * 3).allSatisfy { $0 == 0 })
                for offset in 0..<(size * 3) { block[offset] = UInt8(truncatingIfNeeded: offset) }
                // Another allocation in between, so the first cannot simply grow in place.
                _ = mem.calloc(1, 16)
                let grown = try #require(mem.realloc(block, size * 3 + 100_000)).assumingMemoryBound(to: UInt8.self)
                #expect((0..<(size * 3)).allSatisfy { grown[$0] == UInt8(truncatingIfNeeded: $0) })
                mem.free(grown)
            }
            mem.free(nil)
        }
    }
}
