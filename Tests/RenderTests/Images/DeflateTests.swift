import Foundation
import Testing
@testable import Render

@Suite struct DeflateTests {
    // Exact streams from the encoder before it was made faster (commit 957450b): the encoder is a
    // fixed algorithm, so these bytes are its specification.
    @Test(arguments: [
        ([UInt8](), "7801030000000001"),
        (Array("abcabcabcabcabc".utf8), "78014b4c4a4646002df505bf"),
        ([UInt8](repeating: 0, count: 1000), "7801631805a360140c7b000003e80001"),
        ((0..<300).map { UInt8($0 % 40) },
         "78016360646266616563e7e0e4e2e6e1e5e31710141216111513979094929691959357505452565155531f5527240c00d47e1613"),
    ] as [([UInt8], String)])
    func smallInputsGiveTheirPinnedStreams(data: [UInt8], stream: String) throws {
        #expect(hex(Deflate.zlib(data)) == stream)
        #expect(try inflateWithPython(Deflate.zlib(data)) == data)
    }

    // A block repeated at distance 32767 is matched; at 32768 or more it is out of the window, and
    // the stream is literals only. Long outputs are pinned by size and CRC-32.
    @Test(arguments: [(32767, 35405, 0x2B46_58D4), (32768, 104_765, 0x0FE2_0330), (32769, 104_737, 0xA9EC_ECD4)])
    func repeatsAtTheWindowsEdgeAreMatchedOnlyInside(period: Int, size: Int, crc: UInt32) throws {
        var random = Seeded(period)
        let block = (0..<period).map { _ in random.next() }
        let data = (0..<(3 * period + 1000)).map { block[$0 % period] }
        let stream = Deflate.zlib(data)
        #expect(stream.count == size)
        #expect(CRC32.checksum(stream) == crc)
        #expect(try inflateWithPython(stream) == data)
    }

    @Test func randomBytesRoundTripWithTheirPinnedStream() throws {
        var random = Seeded(42)
        let data = (0..<100_000).map { _ in random.next() }
        let stream = Deflate.zlib(data)
        #expect(stream.count == 105_437)
        #expect(CRC32.checksum(stream) == 0x4F4B_8F1A)
        #expect(try inflateWithPython(stream) == data)
    }

    @Test func runsLongerThanAMatchAndShortPeriodsRoundTrip() throws {
        // Runs of 1 to 2000 bytes, then periods of 2 to 9: matches that overlap their source.
        var data: [UInt8] = []
        for length in [1, 2, 3, 4, 257, 258, 259, 516, 2000] { data += [UInt8](repeating: UInt8(length % 251), count: length) }
        for period in 2...9 { data += (0..<600).map { UInt8($0 % period * 31) } }
        #expect(try inflateWithPython(Deflate.zlib(data)) == data)
    }
}

@Suite struct Adler32Tests {
    // Values from Python's zlib.adler32.
    @Test(arguments: [
        (Array("Wikipedia".utf8), UInt32(0x11E6_0398)),  // RFC 1950's example on Wikipedia
        ([UInt8](repeating: 0xFF, count: 17), 0x9878_10F0),
        ([UInt8](repeating: 0xFF, count: 5552), 0xF18F_9B8C),  // zlib's NMAX, the largest sums
        ([UInt8](repeating: 0xFF, count: 5553), 0x8E29_9C8B),
        ([UInt8](repeating: 0xFF, count: 6000), 0xA497_59EA),
        ((0..<100_000).map { UInt8($0 * 7 % 251) }, 0x437B_C42E),
    ] as [([UInt8], UInt32)])
    func checksumsMatchPythonsZlib(bytes: [UInt8], adler: UInt32) {
        #expect(Adler32.checksum(bytes) == adler)
    }

    @Test func zerosTakenAtOnceCountAsZeroBytes() {
        var adler = Adler32()
        for piece in ["abc", "", "xyz"] {
            Array(piece.utf8).withUnsafeBufferPointer { adler.update($0) }
            if piece == "abc" { adler.update(zeros: 100_000) }
        }
        #expect(adler.value == 0x4554_0292)  // zlib.adler32(b'abc' + bytes(100000) + b'xyz')
    }
}

/// A small seeded generator (64-bit LCG), for inputs that do not depend on the platform.
struct Seeded {
    private var state: UInt64

    init(_ seed: Int) {
        state = UInt64(seed)
    }

    mutating func next() -> UInt8 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
}

/// `stream` inflated by Python's zlib, which also checks its Adler-32.
func inflateWithPython(_ stream: [UInt8]) throws -> [UInt8] {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-\(UUID()).z").path
    try Data(stream).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read()))", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python could not inflate the stream")
    return [UInt8](output)
}
