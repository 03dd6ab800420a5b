import Testing
@testable import Render

@Suite struct ColorMapTests {
    @Test func endsAndMiddleAreMatplotlibsColours() {
        #expect(ColorMap.viridis.color(at: 0) == (68, 1, 84))
        #expect(ColorMap.viridis.color(at: 1) == (253, 231, 37))
        #expect(ColorMap.viridis.color(at: 0.5) == (33, 145, 140))
        #expect(ColorMap.diverging.color(at: 0.5) == (247, 246, 246))
    }

    @Test func outOfRangeValuesClampAndNaNIsGrey() {
        #expect(ColorMap.viridis.color(at: -3) == (68, 1, 84))
        #expect(ColorMap.viridis.color(at: 9) == (253, 231, 37))
        #expect(ColorMap.viridis.color(at: .nan) == (128, 128, 128))
    }

    @Test func viridisGetsLighterAllTheWay() {
        func luma(_ c: (UInt8, UInt8, UInt8)) -> Int { 299 * Int(c.0) + 587 * Int(c.1) + 114 * Int(c.2) }
        let lumas = (0...100).map { luma(ColorMap.viridis.color(at: Float($0) / 100)) }
        #expect(zip(lumas, lumas.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test(arguments: [(Float(-1), Float(1), true), (0, 1, false), (-2, -1, false)])
    func aScaleAcrossZeroIsDiverging(low: Float, high: Float, diverging: Bool) {
        #expect((ColorMap.forScale(low: low, high: high) == .diverging) == diverging)
    }

    @Test(arguments: [(Float(0), "0"), (1, "1"), (-1, "−1"), (0.12345, "0.1235"), (123.456, "123.5"),
                      (1234.5, "1235"), (0.001234, "0.001234"), (12345, "12345"), (-2.5e9, "−2.5e+09"), (Float.nan, "nan")])
    func scaleNumbersHaveFourSignificantDigits(value: Float, text: String) {
        #expect(Format.number(value) == text)
    }
}
