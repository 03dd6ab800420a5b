import Cells
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
