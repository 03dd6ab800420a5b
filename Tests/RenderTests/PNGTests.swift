import Foundation
import Testing
import TestSupport
@testable import Render

@Suite struct PNGTests {
    @Test(arguments: [(1, 1, 1), (7, 5, 2), (96, 96, 3), (300, 40, 4)])
    func pythonDecodesWhatWeEncode(width: Int, height: Int, seed: Int) throws {
        // Smooth gradients, flat runs and noise exercise every filter and long and short matches.
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

    @Test func upscalingRepeatsEachPixelInBothDirections() {
        let up = FigureHTML.upscale([1, 2, 3, 4, 5, 6], width: 2, height: 1, by: 2)
        #expect(up == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6, 1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    }

    @Test func crcAndAdlerMatchPublishedValues() {
        #expect(CRC32.checksum(Array("IEND".utf8)) == 0xAE42_6082)  // every PNG's last four bytes
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)  // RFC 1950's example on Wikipedia
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
