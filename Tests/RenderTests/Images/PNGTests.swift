import Foundation
import Testing
import TestSupport
@testable import Render

@Suite struct PNGTests {
    @Test(arguments: [(1, 1, 1), (7, 5, 2), (96, 96, 3), (300, 40, 4), (1, 300, 5), (1500, 3, 6)])
    func pythonDecodesWhatWeEncode(width: Int, height: Int, seed: Int) throws {
        // Smooth gradients, flat runs and noise exercise every filter and long and short matches.
        // Python's zlib also checks the stream's Adler-32, which the filters take as they write.
        var state = UInt64(seed)
        var rgb: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let noise = UInt8(truncatingIfNeeded: state >> 56)
                rgb += [UInt8(truncatingIfNeeded: x * 3), y < height / 2 ? 200 : noise, UInt8(truncatingIfNeeded: x + y)]
            }
        }
        let decoded = try decodePNGWithPython(PNG.encode(width: width, height: height, rgb: rgb))
        #expect(decoded.width == width && decoded.height == height)
        #expect(decoded.rgb == rgb)
    }

    @Test func anEnlargedPictureWithLongRunsAndRepeatedRowsDecodes() throws {
        let small: [UInt8] = (0..<(5 * 4 * 3)).map { UInt8(truncatingIfNeeded: $0 * 37) }
        let big = FigureHTML.upscale(small, width: 5, height: 4, by: 40)
        let decoded = try decodePNGWithPython(PNG.encode(width: 200, height: 160, rgb: big))
        #expect(decoded.rgb == big)
    }

    // Exact files from the encoder before it was made faster (commit 957450b): the encoder is a
    // fixed algorithm, so these bytes are its specification.
    @Test(arguments: [
        (1, 1, [255, 0, 0],
         "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154780163f8cf"
         + "c0000003010100db7d2ebc0000000049454e44ae426082"),
        (1, 5, [0, 0, 0, 10, 20, 30, 10, 20, 30, 200, 100, 50, 7, 7, 7],
         "89504e470d0a1a0a0000000d49484452000000010000000508020000000be611c800000018494441547801636200"
         + "022e113910cdb42f4084819d9d1d000b38017a2212377c0000000049454e44ae426082"),
        (16, 16, FigureHTML.upscale([250, 10, 10, 10, 250, 10, 10, 10, 250, 128, 128, 128], width: 2, height: 2, by: 8),
         "89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000002c49444154780163fcc5"
         + "c5c5800d087cc02accc0845d183718d5400c60e4e2fa85555d5959db68b0d22f2d01000e3204ad882ef0730000"
         + "000049454e44ae426082"),
    ] as [(Int, Int, [UInt8], String)])
    func smallPicturesGiveTheirPinnedFiles(width: Int, height: Int, rgb: [UInt8], file: String) throws {
        let png = PNG.encode(width: width, height: height, rgb: rgb)
        #expect(hex(png) == file)
        #expect(try decodePNGWithPython(png).rgb == rgb)
    }

    // Larger files from the same encoder, pinned by size and CRC-32: enlarged noise (the lesson's
    // figures), noise, rows wider than 255 chunks of 16 bytes, and a column one pixel wide.
    @Test(arguments: [
        ("enlarged noise", 192, 144, 1365, UInt32(0x73BB_DEC0)),
        ("noise", 97, 31, 9614, 0x900E_412E),
        ("wide rows", 1500, 4, 7315, 0xC2F3_DFE0),
        ("one column", 1, 300, 710, 0xEE04_6F4E),
    ])
    func largerPicturesGiveTheirPinnedFiles(kind: String, width: Int, height: Int, size: Int, crc: UInt32) throws {
        let rgb = Self.picture(kind, width: width, height: height)
        let png = PNG.encode(width: width, height: height, rgb: rgb)
        #expect(png.count == size)
        #expect(CRC32.checksum(png) == crc)
        #expect(try decodePNGWithPython(png).rgb == rgb)
    }

    static func picture(_ kind: String, width: Int, height: Int) -> [UInt8] {
        switch kind {
        case "enlarged noise":
            var random = Seeded(7)
            let small = (0..<(12 * 9 * 3)).map { _ in random.next() }
            return FigureHTML.upscale(small, width: 12, height: 9, by: 16)
        case "noise":
            var random = Seeded(9)
            return (0..<(width * height * 3)).map { _ in random.next() }
        case "wide rows":
            var random = Seeded(11)
            return (0..<(width * height * 3)).map { i in
                i % 7 == 0 ? random.next() : UInt8(truncatingIfNeeded: i / 3 % 1500 + i / 4500 * 3)
            }
        default:
            var random = Seeded(5)
            return (0..<(width * height * 3)).map { i in i < 450 ? random.next() : UInt8(i / 9) }
        }
    }

    @Test func eachFilterIsChosenWhereItsResidualsAreSmallest() throws {
        // Eight pixels a row (24 bytes: a chunk of 16 and a partial one). Each row is built so
        // that the expected filter wins (sums checked by an independent Python script):
        // 0/1 bytes → None; the same row → Up at once; one colour → Sub (242 against Paeth's
        // 243); noise under one colour → Up; noise + 1 → Up (24, tied with Paeth); each byte
        // the mean of its left and upper neighbours → Average (0); Paeth's own prediction after
        // a first pixel → Paeth (180).
        let stride = 24
        var rows: [[UInt8]] = []
        rows.append((0..<stride).map { UInt8($0 % 2) })
        rows.append(rows[0])
        rows.append((0..<8).flatMap { _ in [90, 150, 210] as [UInt8] })
        rows.append((0..<stride).map { UInt8(truncatingIfNeeded: $0 * $0 * 31 + $0 * 17 + 101) })
        rows.append(rows[3].map { $0 &+ 1 })
        var average: [UInt8] = []
        for x in 0..<stride { average.append(UInt8(((x >= 3 ? Int(average[x - 3]) : 0) + Int(rows[4][x])) / 2)) }
        rows.append(average)
        var paeth: [UInt8] = [200, 100, 50]
        for x in 3..<stride {
            let a = Int(paeth[x - 3]), b = Int(rows[5][x]), c = Int(rows[5][x - 3])
            let p = a + b - c
            paeth.append(UInt8(abs(p - a) <= abs(p - b) && abs(p - a) <= abs(p - c) ? a : abs(p - b) <= abs(p - c) ? b : c))
        }
        rows.append(paeth)
        let rgb = rows.flatMap { $0 }
        var filtered = [UInt8](repeating: 0, count: (stride + 1) * rows.count)
        _ = rgb.withUnsafeBufferPointer { pixels in
            filtered.withUnsafeMutableBufferPointer {
                PNG.filterRows(pixels.baseAddress!, width: 8, height: rows.count, into: $0.baseAddress!)
            }
        }
        #expect((0..<rows.count).map { filtered[$0 * (stride + 1)] } == [0, 2, 1, 2, 2, 3, 4])
        #expect(try decodePNGWithPython(PNG.encode(width: 8, height: rows.count, rgb: rgb)).rgb == rgb)
    }

    @Test func upscalingRepeatsEachPixelInBothDirections() {
        let up = FigureHTML.upscale([1, 2, 3, 4, 5, 6], width: 2, height: 1, by: 2)
        #expect(up == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    }
}

@Suite struct CRC32Tests {
    // Values from Python's zlib.crc32: four bytes, fewer than eight, more (the sliced path).
    @Test(arguments: [
        (Array("IEND".utf8), UInt32(0xAE42_6082)),  // every PNG's last four bytes
        (Array("123456789".utf8), 0xCBF4_3926),  // the CRC-32 check value
        (Array("The quick brown fox jumps over the lazy dog".utf8), 0x414F_A339),
        ((0..<1000).map { UInt8($0 % 256) }, 0x74E3_FB41),
    ] as [([UInt8], UInt32)])
    func checksumsMatchPythonsZlib(bytes: [UInt8], crc: UInt32) {
        #expect(CRC32.checksum(bytes) == crc)
    }
}

@Suite struct WindowOutlineTests {
    @Test func aWindowIsOutlinedBlackOutsideAndWhiteOnItsEdge() {
        // A 4×4 grey picture at scale 4 (16×16), window over panel pixels rows 1–2, column 1:
        // enlarged, columns 4–7 and rows 4–11.
        var rgb = [UInt8](repeating: 100, count: 16 * 16 * 3)
        FigureHTML.outline([.init(row: 1, column: 1, height: 2, width: 1)], on: &rgb, width: 16, height: 16, scale: 4)
        func pixel(_ x: Int, _ y: Int) -> UInt8 { rgb[(y * 16 + x) * 3] }
        #expect(pixel(3, 3) == 0 && pixel(8, 12) == 0)  // the corners of the outer, black line
        #expect(pixel(4, 4) == 255 && pixel(7, 11) == 255)  // the white line on the window's edge
        #expect(pixel(5, 5) == 100 && pixel(6, 10) == 100)  // the window's own colour stays inside
        #expect(pixel(2, 4) == 100 && pixel(9, 8) == 100 && pixel(5, 13) == 100)  // outside is untouched
    }

    @Test func aWindowAtTheBorderIsClippedNotCrashed() {
        var rgb = [UInt8](repeating: 100, count: 4 * 4 * 3)
        FigureHTML.outline([.init(row: 0, column: 0, height: 2, width: 2)], on: &rgb, width: 4, height: 4, scale: 2)
        #expect(rgb[0] == 255)
    }
}
