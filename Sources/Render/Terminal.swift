import Cells
import Notebook

/// Output for a terminal: diagnostics in swiftc's form and summary lines.
public enum Terminal {
    /// Every diagnostic of the notebooks in swiftc's form, quoting their lines.
    public static func diagnostics(of notebooks: [ExecutedNotebook], color: Bool) -> String {
        var sources: [String: SourceText] = [:]
        for executed in notebooks { sources[executed.notebook.path] = executed.notebook.source }
        return notebooks.flatMap(\.diagnostics)
            .map { $0.formatted(sourceLine: { file, line in sources[file]?.line(line) }, color: color) }
            .joined()
    }

    /// `3 notebooks, 57 claims: 57 passed, 0 failed`.
    public static func summary(of notebooks: [ExecutedNotebook]) -> String {
        let tally = ClaimTally(notebooks.flatMap(\.claims))
        let errors = notebooks.flatMap(\.diagnostics).filter { $0.severity == .error }.count
            - tally.failed
        var line = "\(notebooks.count) notebook\(notebooks.count == 1 ? "" : "s"), "
        line += "\(tally.total) claim\(tally.total == 1 ? "" : "s"): \(tally.passed) passed, \(tally.failed) failed"
        if errors > 0 { line += "; \(errors) error\(errors == 1 ? "" : "s")" }
        return line
    }
}
