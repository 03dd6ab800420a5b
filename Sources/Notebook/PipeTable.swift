/// A GitHub-style pipe table found in a paragraph's source lines (cmark 0.30 itself has no tables,
/// and lesson notes use them).
struct PipeTable: Equatable {
    enum Alignment: Equatable { case none, left, center, right }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]]

    /// The table these lines spell, or nil: a header row, a delimiter row (`| --- | :---: |`) with as
    /// many cells, then body rows; every line must have a pipe.
    init?(lines: [Substring]) {
        guard lines.count >= 2, lines.allSatisfy({ $0.utf8.contains(UInt8(ascii: "|")) }) else { return nil }
        let header = Self.cells(of: lines[0])
        let delimiters = Self.cells(of: lines[1])
        guard header.count == delimiters.count else { return nil }
        var alignments: [Alignment] = []
        for delimiter in delimiters {
            let dashes = delimiter.trimmingCharacters(in: ":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (delimiter.hasPrefix(":"), delimiter.hasSuffix(":")) {
            case (true, true): alignments.append(.center)
            case (true, false): alignments.append(.left)
            case (false, true): alignments.append(.right)
            case (false, false): alignments.append(.none)
            }
        }
        self.header = header
        self.alignments = alignments
        rows = lines.dropFirst(2).map { line in
            let cells = Self.cells(of: line)
            return Array(cells.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - cells.count))
        }
    }

    /// The cells of a row: outer pipes dropped, split at unescaped pipes, `\|` kept as `|`.
    static func cells(of line: Substring) -> [String] {
        var text = line.trimmingCharacters(in: " \t")
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current += character == "|" ? "|" : "\\\(character)"
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: " \t"))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(current.trimmingCharacters(in: " \t"))
        return cells
    }

    /// The table as HTML; `inline` renders one cell's Markdown (emphasis, code, links).
    func html(inline: (String) -> String) -> String {
        func cell(_ tag: String, _ text: String, _ alignment: Alignment) -> String {
            let attribute = switch alignment {
            case .none, .left: ""
            case .center: " class=\"c\""
            case .right: " class=\"r\""
            }
            return "<\(tag)\(attribute)>\(inline(text))</\(tag)>"
        }
        var html = "<div class=\"md-table\"><table>\n<thead>\n<tr>"
        for (text, alignment) in zip(header, alignments) { html += cell("th", text, alignment) }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>"
                for (text, alignment) in zip(row, alignments) { html += cell("td", text, alignment) }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table></div>\n"
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        guard let start = firstIndex(where: { !characters.contains($0) }),
              let end = lastIndex(where: { !characters.contains($0) }) else { return "" }
        return String(self[start...end])
    }
}
