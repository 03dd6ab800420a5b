import Testing
import Outputs

@Suite struct PaintTests {
    @Test func stylesWrapTheTextInSGRCodes() {
        let paint = Paint(enabled: true)
        #expect(paint.bold("a") == "\u{1B}[1ma\u{1B}[0m")
        #expect(paint.faint("a") == "\u{1B}[2ma\u{1B}[0m")
        #expect(paint.red("a") == "\u{1B}[31ma\u{1B}[0m")
        #expect(paint.green("a") == "\u{1B}[32ma\u{1B}[0m")
        #expect(paint.magenta("a") == "\u{1B}[35ma\u{1B}[0m")
        #expect(paint.caret("^~") == "\u{1B}[1;32m^~\u{1B}[0m")
    }

    @Test("severities in swiftc's colours", arguments: [
        (Diagnostic.Severity.error, "\u{1B}[1;31merror:\u{1B}[0m"),
        (.warning, "\u{1B}[1;35mwarning:\u{1B}[0m"),
        (.note, "\u{1B}[1;30mnote:\u{1B}[0m"),
    ])
    func severity(_ severity: Diagnostic.Severity, _ painted: String) {
        #expect(Paint(enabled: true).severity(severity, "\(severity.rawValue):") == painted)
    }

    @Test func disabledPaintLeavesTheTextAlone() {
        let paint = Paint(enabled: false)
        #expect(paint.bold("a") + paint.red("b") + paint.caret("^") + paint.severity(.error, "error:") == "ab^error:")
    }
}
