import Cells
import Outputs
import Testing

/// Markdown with location markers (1️⃣, 2️⃣, …) taken out, and where each marker stood.
public struct MarkedSource {
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public var text: String
    public var locations: [String: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var locations: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = marked[...]
        outer: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                locations[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.locations = locations
    }

    /// Where `marker` stands once the text is a cell placed at `firstLine` of `file`, each of its lines
    /// shifted right by `columnOffsets` (as an indented or quoted fence is), or `nil` when it is missing.
    public func location(of marker: String, file: String, firstLine: Int, columnOffsets: [Int] = []) -> Outputs.SourceLocation? {
        guard let place = locations[marker] else { return nil }
        let index = place.line - 1
        let offset = columnOffsets.indices.contains(index) ? columnOffsets[index] : 0
        return Outputs.SourceLocation(file: file, line: firstLine + index, column: place.column + offset)
    }
}

/// Checks that `diagnostics` are exactly the expected `severity: message`s at the marked places, in order.
public func assertDiagnostics(
    _ diagnostics: [Diagnostic], _ source: MarkedSource, _ expected: [(marker: String, message: String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let actual = diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    let wanted = expected.map { marker, message -> String in
        let place = source.locations[marker].map { "\($0.line):\($0.column)" } ?? "marker \(marker) missing"
        return "\(place): \(message)"
    }
    #expect(actual == wanted, sourceLocation: sourceLocation)
}

/// Checks that running the cell `marked` (after the `setup` cells) gives exactly the `expected` diagnostics,
/// each at its marker's place in the `.md` file, in any order, as swift-syntax's tests do.
///
/// Diagnostics are the parser's and the lowering's, or else those of running the cell:
/// errors, warnings, and failed claims (as `ClaimResult.diagnostic` turns them into errors).
/// The cell is placed at `firstLine` of the file, its lines shifted by `columnOffsets`.
public func assertDiagnostics(
    _ marked: String, _ expected: [String: String], setup: [String] = [], firstLine: Int = 12,
    columnOffsets: [Int] = [], limits: Limits = Limits(), timeout: Duration = .seconds(30),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let file = "lesson.md"
    let cell = MarkedSource(marked)
    let interpreter = Interpreter(file: file, limits: limits)
    for (index, source) in setup.enumerated() {
        let run = interpreter.run(CellProgram(source: source, file: file, firstLine: 1 + index))
        #expect(run.status == .completed, "setup cell \(index) failed: \(run.outputs)", sourceLocation: sourceLocation)
    }
    let program = CellProgram(source: cell.text, file: file, firstLine: firstLine, columnOffsets: columnOffsets)
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
        guard let location = cell.location(of: marker, file: file, firstLine: firstLine, columnOffsets: columnOffsets) else {
            Issue.record("marker \(marker) is not in the source", sourceLocation: sourceLocation)
            continue
        }
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
