import Testing
@testable import Render

/// The expected texts are what Python 3.11 prints for the same values (`json.dumps(value,
/// indent=1, sort_keys=True, ensure_ascii=False)` and `str.splitlines(True)`), as nbformat writes.
@Suite struct JSONTests {
    @Test func objectsAndArraysAreWrittenAsPythonWritesThem() {
        let value = JSON.object([
            "b": .array([.int(1), .object(["x": .array([])]), .object([:])]),
            "a": .string("q\"\\\n\t\u{01}\u{7F} é\u{2028}"),
            "é": .null,
            "Z": .bool(true),
        ])
        #expect(value.written() == """
            {
             "Z": true,
             "a": "q\\"\\\\\\n\\t\\u0001\u{7F} é\u{2028}",
             "b": [
              1,
              {
               "x": []
              },
              {}
             ],
             "é": null
            }
            """)
    }

    @Test func forAScriptTheCharactersThatEndOrBreakOneAreEscapedToo() {
        var out = ""
        JSON.quote("</script><!--&\u{7F}\u{2028}\u{2029}\u{2027}é€\"\n", into: &out, forScript: true)
        #expect(out == #""\u003c/script\u003e\u003c!--\u0026\u007f\u2028\u2029\#u{2027}é€\"\n""#)
        out = ""
        JSON.quote("a\u{2028}<b>", into: &out)
        #expect(out == "\"a\u{2028}<b>\"")
    }

    @Test func linesBreakWhereverPythonsSplitlinesDoes() {
        #expect(JSON.lines("a\nb\r\nc\rd\u{0B}e\u{1C}f\u{85}g\u{2028}h\u{2029}") == .array(
            ["a\n", "b\r\n", "c\r", "d\u{0B}", "e\u{1C}", "f\u{85}", "g\u{2028}", "h\u{2029}"].map(JSON.string)))
    }

    @Test(arguments: [("", [String]()), ("x", ["x"]), ("x\n", ["x\n"]), ("\n\n", ["\n", "\n"]), ("a\r", ["a\r"])])
    func edgeCasesOfLines(text: String, lines: [String]) {
        #expect(JSON.lines(text) == .array(lines.map(JSON.string)))
    }
}
