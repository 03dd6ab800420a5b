import Testing
@testable import Cells

/// A cell's source with location markers (1️⃣, 2️⃣, …) taken out, and where each marker was.
struct MarkedSource {
    /// The source without markers.
    let source: String
    /// Each marker's 0-based line and 1-based UTF-8 column in `source`.
    let markers: [String: (line: Int, column: Int)]

    static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    init(_ marked: String) {
        var source = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 0
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for name in Self.markerNames where rest.hasPrefix(name) {
                markers[name] = (line, column)
                rest = rest.dropFirst(name.count)
                continue outer
            }
            source.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.source = source
        self.markers = markers
    }
}

/// Checks that running `marked` (after the `setup` cells) gives exactly the `expected`
/// diagnostics, each at its marker's place in the `.md` file, as swift-syntax's tests do.
///
/// Diagnostics are the parser's and the lowering's, or else those of running the cell:
/// errors, warnings, and failed claims (as `ClaimResult.diagnostic` turns them into errors).
/// The cell is placed at `firstLine` of the file, its lines shifted by `columnOffsets`.
func assertDiagnostics(
    _ marked: String, _ expected: [String: String], setup: [String] = [], firstLine: Int = 12,
    columnOffsets: [Int] = [], limits: Limits = Limits(), timeout: Duration = .seconds(30),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let cell = MarkedSource(marked)
    let interpreter = Interpreter(file: "lesson.md", limits: limits)
    for (index, source) in setup.enumerated() {
        let run = interpreter.run(CellProgram(source: source, file: "lesson.md", firstLine: 1 + index))
        #expect(run.status == .completed, "setup cell \(index) failed: \(run.outputs)", sourceLocation: sourceLocation)
    }
    let program = CellProgram(source: cell.source, file: "lesson.md", firstLine: firstLine, columnOffsets: columnOffsets)
    var found = program.diagnostics
    if found.isEmpty {
        let run = interpreter.run(program, timeout: timeout)
        for output in run.outputs {
            switch output {
            case .diagnostic(let diagnostic): found.append(diagnostic)
            case .claim(let claim): if let diagnostic = claim.diagnostic { found.append(diagnostic) }
            default: break
            }
        }
    }
    var unmatched = found
    for (marker, message) in expected.sorted(by: { $0.key < $1.key }) {
        guard let place = cell.markers[marker] else {
            Issue.record("marker \(marker) is not in the source", sourceLocation: sourceLocation)
            continue
        }
        let offset = columnOffsets.indices.contains(place.line) ? columnOffsets[place.line] : 0
        let location = Cells.SourceLocation(file: "lesson.md", line: firstLine + place.line, column: place.column + offset)
        if let index = unmatched.firstIndex(where: { $0.location == location && $0.message == message }) {
            unmatched.remove(at: index)
        } else {
            let near = found.map { "\($0.location.line):\($0.location.column): \($0.message)" }.joined(separator: "\n")
            Issue.record("expected at \(location.line):\(location.column) \"\(message)\"; found:\n\(near)",
                         sourceLocation: sourceLocation)
        }
    }
    for extra in unmatched {
        Issue.record("unexpected diagnostic \(extra.location.line):\(extra.location.column): \(extra.message)",
                     sourceLocation: sourceLocation)
    }
}
