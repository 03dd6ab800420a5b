@testable import Datasets
import Foundation
import Testing

@Suite struct GzipTests {
    /// A gzip file written by Python's gzip module (with mtime 0): the data behind the digits.
    static let compressed = Digits.compressed

    @Test func decompressesWithoutKnowingTheSize() throws {
        let grown = try Gzip.decompress(Self.compressed)
        #expect(grown == (try Gzip.decompress(Self.compressed, expectedCount: 116_805)))
        #expect(grown.count == 116_805)
    }

    @Test(arguments: [
        ("cut short", Array(compressed.prefix(30_000)), "the gzip stream ends early"),
        ("no trailer", Array(compressed.dropLast(4)), "the gzip stream ends early"),
        ("a wrong CRC", Array(compressed.dropLast(8)) + [0, 0, 0, 0] + compressed.suffix(4),
         "the gzip stream is damaged: incorrect data check"),
        ("not gzip", Array("hello, world".utf8), "the gzip stream is damaged: incorrect header check"),
        ("a second member", compressed + compressed, "the gzip stream is followed by 44236 more bytes"),
    ] as [(String, [UInt8], String)])
    func aDamagedStreamIsAnError(_ what: String, _ bytes: [UInt8], _ reason: String) {
        #expect(throws: DatasetsError(reason), "\(what)") { try Gzip.decompress(bytes) }
    }
}
