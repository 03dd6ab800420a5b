import Notebook
import Testing
@testable import Render

@Suite struct JUnitReportTests {
    @Test(arguments: [("a<b>&c", "a&lt;b&gt;&amp;c", "a&lt;b&gt;&amp;c"), ("\"x\"\n\ty", "\"x\"\n\ty", "&quot;x&quot;&#10;&#9;y"),
                      ("\u{1}\u{1B}[31m", "\u{FFFD}\u{FFFD}[31m", "\u{FFFD}\u{FFFD}[31m")])
    func textIsEscapedForXML(raw: String, text: String, attribute: String) {
        #expect(JUnitReport.text(raw) == text)
        #expect(JUnitReport.attribute(raw) == attribute)
    }

    @Test func aNotebookWithoutClaimsIsAnEmptySuiteAndTimesAreMilliseconds() {
        let executed = ExecutedNotebook(unexecuted: Notebook(parsing: "# T\n\nNo cells.\n", path: "t.md"))
        #expect(JUnitReport([executed], seconds: [0.0125]).xml() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="kernelbook check" tests="0" failures="0" errors="0" time="0.013">
              <testsuite name="t.md" file="t.md" tests="0" failures="0" errors="0" skipped="0" time="0.013">
              </testsuite>
            </testsuites>

            """)
    }
}
