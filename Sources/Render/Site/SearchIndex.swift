import Outputs
import Notebook

/// What the site's search page searches, built with the site: every lesson's title and summary,
/// its headings and its claims, each with the address it leads to.
///
/// Written as a script (`assets/search-index.js`) that sets one global, so the search works from
/// `file://` where a page may not fetch a JSON file. Every string is a JSON string whose `<`, `>`,
/// `&` and line separators are `\u` escapes: nothing the Markdown holds can end the script or
/// start markup, and the search script only ever puts the strings into the page as text.
struct SearchIndex {
    /// The file's path in the site.
    static let path = "assets/search-index.js"

    var notebooks: [ExecutedNotebook]
    var pages: [String]

    /// The script's text: `window.kernelbookSearch = {"lessons": [[title, page, summary], …],
    /// "entries": [[lesson, kind, text, anchor], …]};` with kind `h` (heading) or `c` (claim).
    func script() -> String {
        var lessons: [String] = []
        var entries: [String] = []
        for (position, (executed, page)) in zip(notebooks, pages).enumerated() {
            let notebook = executed.notebook
            lessons.append("[\(Self.string(notebook.title)),\(Self.string(page)),\(Self.string(notebook.summary))]")
            for heading in notebook.headings where heading.level >= 2 {
                entries.append("[\(position),\"h\",\(Self.string(heading.text)),\(Self.string(heading.anchor))]")
            }
            for (cell, result) in zip(notebook.cells, executed.cells) {
                for case .claim(let claim) in result.outputs {
                    entries.append("[\(position),\"c\",\(Self.string("#\(claim.kind.rawValue)(\(claim.condition))")),\(Self.string(cell.anchor))]")
                }
            }
            for (code, outcome) in zip(notebook.inlineCode, executed.inline) {
                guard case .claim(let claim) = outcome else { continue }
                let anchor = notebook.headings.last { $0.line <= code.location.line && $0.level >= 2 }?.anchor ?? ""
                entries.append("[\(position),\"c\",\(Self.string("#\(claim.kind.rawValue)(\(claim.condition))")),\(Self.string(anchor))]")
            }
        }
        return "window.kernelbookSearch = {\"lessons\":[\n" + lessons.joined(separator: ",\n") + "\n],\"entries\":[\n"
            + entries.joined(separator: ",\n") + "\n]};\n"
    }

    /// A JSON string safe inside a script.
    static func string(_ text: String) -> String {
        var out = ""
        JSON.quote(text, into: &out, forScript: true)
        return out
    }
}
