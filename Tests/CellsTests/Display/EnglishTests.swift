import Testing
@testable import Cells

@Suite struct EnglishTests {
    @Test(arguments: [
        ("8×8 map", "an 8×8 map"), ("80×80 map", "an 80×80 map"), ("11×11 map", "an 11×11 map"),
        ("18×18 map", "an 18×18 map"), ("11000 maps", "an 11000 maps"), ("1100 maps", "a 1100 maps"),
        ("32×32 map", "a 32×32 map"), ("1×1 map", "a 1×1 map"), ("AvgPool2D", "an AvgPool2D"),
        ("Conv2D", "a Conv2D"), ("", "a "),
    ])
    func theArticleFollowsHowThePhraseIsRead(phrase: String, expected: String) {
        #expect(English.article(phrase) == expected)
    }

    @Test func countsAgreeWithTheirNoun() {
        #expect(English.count(1, "stage") == "1 stage")
        #expect(English.count(0, "stage") == "0 stages")
        #expect(English.count(4, "stage") == "4 stages")
    }
}
