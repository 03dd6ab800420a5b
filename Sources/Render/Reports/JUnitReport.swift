import Outputs
import Notebook

/// The result of checking notebooks as JUnit XML, for CI systems (`kernelbook check --format junit`).
///
/// One `testsuite` per notebook; one `testcase` per claim (a `failure` when it failed), per cell
/// that failed and per other error (an `error`), each with the `.md` file's `file:line:column` in
/// its message and `file` and `line` attributes. Warnings go to the suite's `system-err`.
public struct JUnitReport: Sendable {
    /// The notebooks, in the order checked.
    public var notebooks: [ExecutedNotebook]
    /// How long each notebook took, in seconds, if measured.
    public var seconds: [Double]?

    /// The report for notebooks that have run.
    public init(_ notebooks: [ExecutedNotebook], seconds: [Double]? = nil) {
        self.notebooks = notebooks
        self.seconds = seconds
    }

    private struct TestCase {
        var name: String
        var location: SourceLocation
        /// `failure` or `error`, with the diagnostics that make it one.
        var problem: (element: String, type: String, diagnostics: [Diagnostic])?
    }

    /// The XML document, ending in a newline.
    public func xml() -> String {
        var suites = ""
        var totals = (tests: 0, failures: 0, errors: 0)
        for (position, executed) in notebooks.enumerated() {
            let cases = testCases(executed)
            let failures = cases.filter { $0.problem?.element == "failure" }.count
            let errors = cases.filter { $0.problem?.element == "error" }.count
            totals = (totals.tests + cases.count, totals.failures + failures, totals.errors + errors)
            let path = executed.notebook.path
            let source = executed.notebook.source
            suites += "  <testsuite name=\"\(Self.attribute(path))\" file=\"\(Self.attribute(path))\" tests=\"\(cases.count)\""
            suites += " failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\""
            if let seconds, position < seconds.count { suites += " time=\"\(Self.time(seconds[position]))\"" }
            suites += ">\n"
            for testCase in cases {
                suites += "    <testcase name=\"\(Self.attribute(testCase.name))\" classname=\"\(Self.attribute(path))\""
                suites += " file=\"\(Self.attribute(testCase.location.file))\" line=\"\(testCase.location.line)\""
                guard let problem = testCase.problem, let first = problem.diagnostics.first else {
                    suites += "/>\n"
                    continue
                }
                let text = problem.diagnostics.map { $0.formatted(sourceLine: { _, line in source.line(line) }) }.joined()
                suites += ">\n      <\(problem.element) message=\"\(Self.attribute(first.description))\" type=\"\(problem.type)\">"
                suites += Self.text(text) + "</\(problem.element)>\n    </testcase>\n"
            }
            let warnings = executed.diagnostics.filter { $0.severity != .error }
            if !warnings.isEmpty {
                let text = warnings.map { $0.formatted(sourceLine: { _, line in source.line(line) }) }.joined()
                suites += "    <system-err>\(Self.text(text))</system-err>\n"
            }
            suites += "  </testsuite>\n"
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"kernelbook check\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\""
        if let seconds { xml += " time=\"\(Self.time(seconds.reduce(0, +)))\"" }
        return xml + ">\n" + suites + "</testsuites>\n"
    }

    /// The claims in file order, then each cell with errors and each error outside the cells.
    private func testCases(_ executed: ExecutedNotebook) -> [TestCase] {
        let notebook = executed.notebook
        var cases: [TestCase] = executed.claims.sorted { $0.location < $1.location }.map { claim in
            TestCase(name: "#\(claim.kind.rawValue)(\(claim.condition))", location: claim.location,
                     problem: claim.diagnostic.map { ("failure", claim.kind == .expect ? "expectation" : "requirement", [$0]) })
        }
        let claimFailures = Set(executed.claims.compactMap(\.diagnostic))
        var byCell: [Int: [Diagnostic]] = [:]
        var outside: [Diagnostic] = []
        for diagnostic in executed.diagnostics where diagnostic.severity == .error && !claimFailures.contains(diagnostic) {
            let line = diagnostic.location.line
            if let cell = notebook.cells.first(where: { line >= $0.fenceLine && line <= $0.firstLine + $0.columnOffsets.count }) {
                byCell[cell.index, default: []].append(diagnostic)
            } else {
                outside.append(diagnostic)
            }
        }
        for (index, diagnostics) in byCell.sorted(by: { $0.key < $1.key }) {
            let cell = notebook.cells[index]
            let name = cell.options.label.map { "cell \(index + 1) (\($0))" } ?? "cell \(index + 1)"
            cases.append(TestCase(name: name, location: SourceLocation(file: notebook.path, line: cell.fenceLine, column: cell.fenceColumn),
                                  problem: ("error", "error", diagnostics)))
        }
        for diagnostic in outside {
            cases.append(TestCase(name: "line \(diagnostic.location.line)", location: diagnostic.location,
                                  problem: ("error", "error", [diagnostic])))
        }
        return cases
    }

    /// Seconds with millisecond precision, as JUnit writers give them.
    private static func time(_ seconds: Double) -> String {
        let milliseconds = Int((max(seconds, 0) * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// Text for element content: markup characters escaped, characters XML 1.0 cannot hold replaced.
    static func text(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// Text for a double-quoted attribute: also quotes and line breaks escaped, so they survive.
    static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
