import Outputs
import Notebook
import Threads

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
    ///
    /// The page and `.ipynb` of a notebook whose path is in `unchanged` (it ran to the same result)
    /// are taken from `previous` when its neighbours there are the same: they would render to the
    /// same bytes. The index, search page and search index are made afresh.
    public init(_ notebooks: [ExecutedNotebook], reusing previous: Site? = nil, unchanged: Set<String> = []) {
        self.notebooks = notebooks
        var files: [String: [UInt8]] = [:]
        files["assets/\(Stylesheet.fileName)"] = Array(Stylesheet.css.utf8)
        let pages = notebooks.map { Self.pageName(for: $0.notebook.path) }
        let index = HTMLPage.Link(title: "All lessons", href: "index.html")
        let search = HTMLPage.Link(title: "Search", href: SearchPage.fileName)
        let neighboursBefore = previous.map { Self.neighbours(of: $0.notebooks) } ?? [:]
        let neighboursNow = Self.neighbours(of: notebooks)
        // Each notebook's page and `.ipynb` is one part with one owner, shared between the cores.
        var rendered = [(page: [UInt8], cells: [UInt8])](repeating: ([], []), count: notebooks.count)
        rendered.withUnsafeMutableBufferPointer { out in
            Parallel.forEach(parts: out.count, threads: Parallel.coreCount) { position in
                let executed = notebooks[position]
                let path = executed.notebook.path
                let notebook = JupyterNotebook.fileName(for: path)
                if unchanged.contains(path), let before = neighboursBefore[path], before == neighboursNow[path],
                   let page = previous?.files[pages[position]], let cells = previous?.files[notebook] {
                    out[position] = (page, cells)
                    return
                }
                let previous = position > 0
                    ? HTMLPage.Link(title: notebooks[position - 1].notebook.title, href: pages[position - 1]) : nil
                let next = position + 1 < notebooks.count
                    ? HTMLPage.Link(title: notebooks[position + 1].notebook.title, href: pages[position + 1]) : nil
                let links = [search, HTMLPage.Link(title: "download .ipynb", href: notebook, download: true)]
                let page = HTMLPage(executed, styles: .linked("assets/\(Stylesheet.fileName)"),
                                    navigation: .init(index: index, previous: previous, next: next, links: links))
                out[position] = (page.renderUTF8(), JupyterNotebook(executed).renderUTF8())
            }
        }
        for (position, executed) in notebooks.enumerated() {
            files[pages[position]] = rendered[position].page
            files[JupyterNotebook.fileName(for: executed.notebook.path)] = rendered[position].cells
        }
        files["index.html"] = Array(IndexPage(notebooks: notebooks, pages: pages).render().utf8)
        files[SearchPage.fileName] = Array(SearchPage(notebooks: notebooks).render().utf8)
        files[SearchIndex.path] = Array(SearchIndex(notebooks: notebooks, pages: pages).script().utf8)
        files[SearchScript.path] = Array(SearchScript.javascript.utf8)
        self.files = files
    }

    /// Each notebook's neighbours in site order, by path: the titles and paths a page links to.
    private static func neighbours(of notebooks: [ExecutedNotebook]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (position, executed) in notebooks.enumerated() {
            let before = position > 0 ? notebooks[position - 1].notebook : nil
            let after = position + 1 < notebooks.count ? notebooks[position + 1].notebook : nil
            result[executed.notebook.path] = [before?.title ?? "", before?.path ?? "", after?.title ?? "", after?.path ?? ""]
        }
        return result
    }

    /// `Notebooks/day03-cnn.md` → `day03-cnn.html`.
    public static func pageName(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasSuffix(".md") ? String(name.dropLast(3)) : name) + ".html"
    }
}
