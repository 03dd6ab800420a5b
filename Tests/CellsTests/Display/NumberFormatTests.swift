import Testing
@testable import Cells

@Suite struct NumberFormatTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (61706, "61,706"), (-1234567, "-1,234,567"),
                      (138_357_544, "138,357,544")])
    func integersGroupDigitsByThousands(_ n: Int, _ text: String) {
        #expect(NumberFormat.grouped(n) == text)
    }

    @Test(arguments: [(0.5, 2, "0.50"), (-0.004, 2, "0.00"), (2.675, 2, "2.68"), (1.25, 1, "1.3"), (-1.25, 1, "-1.3"),
                      (12345.6789, 4, "12345.6789"), (7, 0, "7"), (9.999, 2, "10.00"), (0.00046, 3, "0.000"),
                      (0.0005, 3, "0.001"), (1e-05, 4, "0.0000"), (1.5e16, 1, "15000000000000000.0"),
                      (.infinity, 2, "inf"), (.nan, 2, "nan")])
    func fixedDecimalsRoundTheShortestFormHalfAwayFromZero(_ x: Double, _ decimals: Int, _ text: String) {
        // 2.675 is 2.67499999999999982… in binary, but reads as 2.675: it rounds up, as the reader expects.
        #expect(NumberFormat.fixed(x, decimals: decimals) == text)
    }

    @Test func floatsRoundFromTheirOwnShortestForm() {
        // Float(0.1) is 0.100000001490116… as a Double; as a Float it reads 0.1.
        #expect(NumberFormat.fixed(Float(0.15), decimals: 1) == "0.2")
        #expect(NumberFormat.fixed(Float(-2.5), decimals: 0) == "-3")
    }

    @Test(arguments: [(Float(0), "0.0000"), (Float(0.33333334), "0.3333"), (Float(-1.5), "-1.5000"),
                      (Float(1.5e-7), "1.5e-07"), (Float(2.5e7), "2.5e+07")])
    func statisticsUseFourDecimalsWhereTheyMeanSomething(_ x: Float, _ text: String) {
        #expect(NumberFormat.statistic(x) == text)
    }

    @Test(arguments: [(100, "100 B"), (28648, "27.98 KB"), (553_430_176, "527.79 MB")])
    func bytesReadAsKerasPrintsThem(_ count: Int, _ text: String) {
        #expect(NumberFormat.bytes(count) == text)
    }
}
