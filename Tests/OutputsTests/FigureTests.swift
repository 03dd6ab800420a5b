import Foundation
import Outputs
import Testing

@Suite struct FigureTests {
    static let values: [Float] = [0, -0.0, 1.5, -3.25e-7, .infinity, -.infinity, .nan, .leastNonzeroMagnitude,
                                  .greatestFiniteMagnitude, Float(bitPattern: 0x7FC0_1234)]

    static func figure() -> Figure {
        Figure(style: .heatmap(low: -1, high: 1),
               panels: [Figure.Panel(label: "channel 0", width: 5, height: 2, values: values,
                                     windows: [Figure.Window(row: 0, column: 1, height: 1, width: 2)])],
               alt: "a test figure")
    }

    @Test func compactValuesComeBackBitForBit() throws {
        let encoder = JSONEncoder()
        encoder.userInfo[.compactFigureValues] = true
        let data = try encoder.encode(Self.figure())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"values\":\"0000000080000000" + "3fc00000"))
        let decoder = JSONDecoder()
        decoder.userInfo[.compactFigureValues] = true
        let back = try decoder.decode(Figure.self, from: data)
        #expect(back.panels[0].values.map(\.bitPattern) == Self.values.map(\.bitPattern))
        #expect(back.panels[0].windows == Self.figure().panels[0].windows && back.style == Self.figure().style)
    }

    @Test func withoutTheKeyValuesAreAListOfNumbers() throws {
        var figure = Self.figure()
        figure.panels[0].values = [0.5, 2]
        let text = String(decoding: try JSONEncoder().encode(figure), as: UTF8.self)
        #expect(text.contains("\"values\":[0.5,2]"))
        #expect(try JSONDecoder().decode(Figure.self, from: Data(text.utf8)) == figure)
    }

    @Test(arguments: ["\"0000000\"", "\"000000zz\"", "[1]"])
    func compactValuesThatHexadecimalDidNotWriteAreAnError(values: String) {
        let text = #"{"label":"a","width":1,"height":1,"windows":[],"values":\#(values)}"#
        let decoder = JSONDecoder()
        decoder.userInfo[.compactFigureValues] = true
        #expect(throws: DecodingError.self) { try decoder.decode(Figure.Panel.self, from: Data(text.utf8)) }
    }
}
