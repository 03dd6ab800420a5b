import Testing
@testable import Cells

@Suite struct HighlighterTests {
    @Test func tokensCarryTheirRoles() {
        let tokens = highlight("//| echo: false\nlet y = relu(Conv2D(filters: 16)(x)) // go\n#expect(y.count == 2.5)")
        let roles = tokens.filter { $0.kind != .plain }.map { "\($0.kind):\($0.text)" }
        #expect(roles == [
            "option://| echo: false", "keyword:let", "function:relu", "type:Conv2D", "number:16", "comment:// go",
            "directive:#expect", "number:2.5",
        ])
    }

    @Test func stringsIncludeTheirQuotesAndInterpolationDelimiters() {
        let tokens = highlight(#"print("n = \(n)!")"#)
        #expect(tokens.map(\.kind) == [.function, .plain, .string, .plain, .string, .plain])
        #expect(tokens.map(\.text) == ["print", "(", #""n = \("#, "n", #")!""#, ")"])
    }

    @Test func calledMethodsAndDeclaredFunctionsAreFunctions() {
        let tokens = highlight("func f() {}\nt.sum()\nt.shape")
        #expect(tokens.filter { $0.kind == .function }.map(\.text) == ["f", "sum"])
    }

    @Test(arguments: ["", "let x = ", "#expect(", "\"unterminated", "let 1️⃣ = 2", "@@@ ### ```", "a\r\nb\tc"])
    func theTextsConcatenateToTheSource(_ source: String) {
        #expect(highlight(source).map(\.text).joined() == source)
    }
}
