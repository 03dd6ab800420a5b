import Outputs

/// A cell's `//| key: value` options (Quarto's form), with the line each was given on.
public struct CellOptions: Sendable, Hashable {
    /// What a cell marked `error:` must do.
    public enum ExpectedError: Sendable, Hashable {
        /// Fail with any error (`error: true`).
        case any
        /// Fail with an error whose message contains this text (`error: "does not fit"`).
        case containing(String)
    }

    /// Whether the source is shown (`echo: false` hides it).
    public var echo = true
    /// Whether the outputs are shown (`output: false` hides them; claims still count).
    public var output = true
    /// Whether the cell runs (`eval: false` shows the source only).
    public var eval = true
    /// Whether the cell's warnings are shown and reported (`warning: false` silences them, as in Quarto).
    public var warning = true
    /// Whether, and how, the cell must fail.
    public var error: ExpectedError?
    /// The stable anchor of the cell (`#label`).
    public var label: String?
    /// The caption under the cell's figure or table.
    public var caption: String?
    /// How long the cell may run.
    public var timeout: Duration = .seconds(30)
    /// Where each option given starts (its key), by key.
    public var locations: [String: SourceLocation] = [:]

    /// The options a cell may give, in the order the design lists them.
    public static let keys = ["echo", "output", "eval", "warning", "error", "label", "caption", "timeout"]

    /// Options with every default.
    public init() {}
}

extension CellOptions {
    /// Reads the leading `//|` lines of a cell's code.
    ///
    /// - Parameters:
    ///   - code: the cell's code, as cmark gives it.
    ///   - file: the notebook's path, for diagnostics.
    ///   - firstLine: the `.md` line of the code's first line.
    ///   - columnOffsets: per code line, how many bytes of the `.md` line precede it.
    /// - Returns: the options, the number of leading option lines, and a diagnostic for each
    ///   unknown key, bad value or repeated key.
    package static func parse(code: String, file: String, firstLine: Int, columnOffsets: [Int])
        -> (options: CellOptions, optionLineCount: Int, diagnostics: [Diagnostic])
    {
        var options = CellOptions()
        var diagnostics: [Diagnostic] = []
        var count = 0
        for (index, line) in code.codeLines.enumerated() {
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" })
            guard line.dropFirst(indent.count).hasPrefix("//|") else { break }
            count += 1
            let lineNumber = firstLine + index
            let base = (index < columnOffsets.count ? columnOffsets[index] : 0) + indent.utf8.count + 3
            let body = line.dropFirst(indent.count + 3)
            func location(_ offset: Int) -> SourceLocation {
                SourceLocation(file: file, line: lineNumber, column: base + offset + 1)
            }
            let leading = body.prefix(while: { $0 == " " || $0 == "\t" }).utf8.count
            let entry = body.dropFirst(leading)
            guard let colon = entry.firstIndex(of: ":") else {
                diagnostics.append(.error(
                    "expected 'key: value' after '//|'", at: location(leading), length: entry.utf8.count))
                continue
            }
            let key = String(entry[..<colon]).trimmingSpaces()
            let valueText = entry[entry.index(after: colon)...]
            let valueLead = valueText.prefix(while: { $0 == " " || $0 == "\t" }).utf8.count
            let value = String(valueText).trimmingSpaces()
            let keyLocation = location(leading)
            let valueLocation = location(leading + entry[..<colon].utf8.count + 1 + valueLead)
            guard CellOptions.keys.contains(key) else {
                var message = "unknown cell option '\(key)'"
                if let suggestion = CellOptions.keys.closest(to: key) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += "; expected one of \(CellOptions.keys.joined(separator: ", "))"
                }
                diagnostics.append(.error(message, at: keyLocation, length: key.utf8.count))
                continue
            }
            if let earlier = options.locations[key] {
                diagnostics.append(.error(
                    "cell option '\(key)' is given twice", at: keyLocation, length: key.utf8.count,
                    notes: [.note("'\(key)' was first given here", at: earlier, length: key.utf8.count)]))
                continue
            }
            options.locations[key] = keyLocation
            do {
                try options.set(key, to: value)
            } catch {
                diagnostics.append(.error(error.message, at: valueLocation, length: value.utf8.count))
            }
        }
        return (options, count, diagnostics)
    }

    private struct BadValue: Error {
        var message: String
    }

    private mutating func set(_ key: String, to value: String) throws(BadValue) {
        func bool() throws(BadValue) -> Bool {
            switch value {
            case "true": return true
            case "false": return false
            default: throw BadValue(message: "cell option '\(key)' expects true or false, not '\(value)'")
            }
        }
        switch key {
        case "echo": echo = try bool()
        case "output": output = try bool()
        case "eval": eval = try bool()
        case "warning": warning = try bool()
        case "error":
            switch value {
            case "true": error = .any
            case "false": error = nil
            default:
                let text = value.unquoted
                guard !text.isEmpty else {
                    throw BadValue(message: "cell option 'error' expects true, false or the text the error must contain")
                }
                error = .containing(text)
            }
        case "label":
            let name = value.unquoted
            guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
                  name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
            else {
                throw BadValue(message: "cell option 'label' expects a name of letters, digits, '-' and '_' that starts with a letter, not '\(value)'")
            }
            label = name
        case "caption":
            let text = value.unquoted
            guard !text.isEmpty else { throw BadValue(message: "cell option 'caption' expects text") }
            caption = text
        case "timeout":
            guard let seconds = Double(value), seconds > 0, seconds <= 3600 else {
                throw BadValue(message: "cell option 'timeout' expects a number of seconds from 0 to 3600, not '\(value)'")
            }
            timeout = .milliseconds(Int((seconds * 1000).rounded()))
        default:
            preconditionFailure("keys are checked before set(_:to:)")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }

    /// The string without one pair of surrounding double quotes.
    var unquoted: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}

extension Array where Element == String {
    /// The element closest to `word` by edit distance, if it is close enough to be a likely typo.
    func closest(to word: String) -> String? {
        let scored = map { ($0, $0.editDistance(to: word)) }.filter { $0.1 <= Swift.max(1, word.count / 3) }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }
}

extension String {
    /// The Levenshtein distance between two strings, in characters.
    func editDistance(to other: String) -> Int {
        let a = Array(self), b = Array(other)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
