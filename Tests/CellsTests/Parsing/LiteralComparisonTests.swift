import Testing
import Cells

@Suite struct LiteralComparisonTests {
    @Test(arguments: [
        ("y.shape == [30, 30, 16]", "y.shape", "[30, 30, 16]", 0, 11),
        ("[1, 2] == f(x)", "f(x)", "[1, 2]", 0, 0),
        ("a.count ==\n   -3", "a.count", "-3", 1, 3),
        ("s == \"x == y\"", "s", "\"x == y\"", 0, 5),
    ])
    func theLiteralAndItsPlaceAreFound(_ condition: String, _ subject: String, _ literal: String, _ line: Int, _ column: Int) throws {
        let comparison = try #require(LiteralComparison(condition: condition))
        #expect(comparison.subject == subject)
        #expect(comparison.literal == literal)
        #expect(comparison.literalLine == line && comparison.literalColumn == column)
    }

    @Test(arguments: ["a < 3", "a == b", "1 == 1", "a != 3", "a == 3 && b == 2", "a ==", "f(a == 3)"])
    func otherConditionsAreNotComparisonsWithALiteral(_ condition: String) {
        #expect(LiteralComparison(condition: condition) == nil)
    }

    @Test(arguments: [("3", true), ("-2.5e-3", true), ("[1, [2]]", true), ("\"a\"", true), ("0..<3", true),
                      ("inf", false), ("[32, 32, 16] (tensor)", false), ("Conv2D(filters: 1)", false)])
    func literalsAreRecognised(_ text: String, _ isLiteral: Bool) {
        #expect(LiteralComparison.isLiteral(text) == isLiteral)
    }
}
