import Outputs
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Notebook

/// The result of checking notebooks, for other tools (`kernelbook check --format json`).
public struct CheckReport: Codable, Sendable, Equatable {
    /// One notebook's result.
    public struct NotebookResult: Codable, Sendable, Equatable {
        /// The file.
        public var path: String
        /// Its title.
        public var title: String
        /// Claims that held.
        public var passed: Int
        /// Claims that failed.
        public var failed: Int
        /// Every error and warning.
        public var diagnostics: [DiagnosticRecord]
    }

    /// One diagnostic, flat.
    public struct DiagnosticRecord: Codable, Sendable, Equatable {
        public var severity: String
        public var message: String
        public var file: String
        public var line: Int
        public var column: Int
        public var length: Int
        public var details: [String]
    }

    /// The notebooks, in the order checked.
    public var notebooks: [NotebookResult]
    /// Claims that held, in all notebooks.
    public var passed: Int
    /// Claims that failed, in all notebooks.
    public var failed: Int
    /// Errors that are not failed claims (syntax, shapes, limits, options).
    public var errors: Int

    /// The report for notebooks that have run.
    public init(_ executed: [ExecutedNotebook]) {
        notebooks = executed.map { executed in
            let tally = ClaimTally(executed.claims)
            return NotebookResult(
                path: executed.notebook.path, title: executed.notebook.title, passed: tally.passed,
                failed: tally.failed,
                diagnostics: executed.diagnostics.map {
                    DiagnosticRecord(severity: $0.severity.rawValue, message: $0.message, file: $0.location.file,
                                     line: $0.location.line, column: $0.location.column, length: $0.length,
                                     details: $0.details)
                })
        }
        passed = notebooks.map(\.passed).reduce(0, +)
        failed = notebooks.map(\.failed).reduce(0, +)
        errors = notebooks.flatMap(\.diagnostics).filter { $0.severity == "error" }.count - failed
    }

    /// The report as JSON with sorted keys, ending in a newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
