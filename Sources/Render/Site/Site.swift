import Outputs
import Notebook

/// A built site in memory: every file by its path relative to the site folder, and what went wrong.
public struct Site: Sendable {
    /// The site's files, by relative path (`index.html`, `day03-cnn.html`, `assets/kernelbook.css`).
    public var files: [String: [UInt8]]
    /// The notebooks as they ran, in site order.
    public var notebooks: [ExecutedNotebook]

    /// Every diagnostic of every notebook, in site order.
    public var diagnostics: [Diagnostic] { notebooks.flatMap(\.diagnostics) }

    /// Whether any notebook has an error or a failed claim.
    public var failed: Bool { notebooks.contains(where: \.failed) }

    /// Builds the site for notebooks that have run, given in site order.
    public init(_ notebooks: [ExecutedNotebook]) {
        self.notebooks = notebooks
        var files: [String: [UInt8]] = [:]
        files["assets/\(Stylesheet.fileName)"] = Array(Stylesheet.css.utf8)
        let pages = notebooks.map { Self.pageName(for: $0.notebook.path) }
        let index = HTMLPage.Link(title: "All lessons", href: "index.html")
        let search = HTMLPage.Link(title: "Search", href: SearchPage.fileName)
        for (position, executed) in notebooks.enumerated() {
            let previous = position > 0
                ? HTMLPage.Link(title: notebooks[position - 1].notebook.title, href: pages[position - 1]) : nil
            let next = position + 1 < notebooks.count
                ? HTMLPage.Link(title: notebooks[position + 1].notebook.title, href: pages[position + 1]) : nil
            let notebook = JupyterNotebook.fileName(for: executed.notebook.path)
            let page = HTMLPage(executed, styles: .linked("assets/\(Stylesheet.fileName)"), index: index,
                                previous: previous, next: next,
                                links: [search, HTMLPage.Link(title: "download .ipynb", href: notebook, download: true)])
            files[pages[position]] = page.renderUTF8()
            files[notebook] = JupyterNotebook(executed).renderUTF8()
        }
        files["index.html"] = Array(IndexPage(notebooks: notebooks, pages: pages).render().utf8)
        files[SearchPage.fileName] = Array(SearchPage(notebooks: notebooks).render().utf8)
        files[SearchIndex.path] = Array(SearchIndex(notebooks: notebooks, pages: pages).script().utf8)
        files[SearchScript.path] = Array(SearchScript.javascript.utf8)
        self.files = files
    }

    /// `Notebooks/day03-cnn.md` → `day03-cnn.html`.
    public static func pageName(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".html"
    }
}
