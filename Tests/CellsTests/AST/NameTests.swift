import Testing
@testable import Cells

@Suite struct NameTests {
    @Test(arguments: ["x", "pixels", "Conv2D", "$0", "naïve"])
    func theSameTextIsTheSameNameWhereverItIsInterned(text: String) {
        let first = Name(text), second = Name(String(text.reversed().reversed()))
        #expect(first == second)
        #expect(first.id == second.id)
        #expect(first.text == text)
        #expect("\(first)" == text)
    }

    @Test func differentTextsAreDifferentNames() {
        let names = ["a", "b", "ab", "A", "a "].map(Name.init)
        #expect(Set(names.map(\.id)).count == names.count)
    }

    @Test(arguments: [0, 1, 7, 8, 12])
    func shorthandParametersAreTheDollarNames(index: Int) {
        #expect(Name.shorthand(index) == Name("$\(index)"))
        #expect(Name.shorthand(index).text == "$\(index)")
    }
}
