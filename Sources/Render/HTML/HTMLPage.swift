import Outputs
import Notebook
import Threads

/// One notebook as an HTML page: prose, cells with their outputs, claims, contents and links.
public struct HTMLPage: Sendable {
    /// How the page gets its stylesheet.
    public enum Styles: Sendable, Hashable {
        /// Inside the page, so the file stands alone (`kernelbook render`).
        case embedded
        /// A link to the site's shared stylesheet at this relative URL.
        case linked(String)
    }

    /// A neighbouring page, for previous/next links.
    public struct Link: Sendable, Hashable {
        /// The page's title.
        public var title: String
        /// Its relative URL.
        public var href: String
        /// Whether the browser saves the file rather than opening it.
        public var download: Bool

        /// Creates a link.
        public init(title: String, href: String, download: Bool = false) {
            self.title = title
            self.href = href
            self.download = download
        }
    }

    /// The links around a page of a site; a standalone page has none.
    public struct Navigation: Sendable, Hashable {
        /// The site's index.
        public var index: Link?
        /// The page before this one.
        public var previous: Link?
        /// The page after this one.
        public var next: Link?
        /// Links in the page's header: the site's search, the notebook's download.
        public var links: [Link]

        /// Creates the links.
        public init(index: Link? = nil, previous: Link? = nil, next: Link? = nil, links: [Link] = []) {
            self.index = index
            self.previous = previous
            self.next = next
            self.links = links
        }
    }

    /// The notebook and what its cells gave.
    public var executed: ExecutedNotebook
    /// Where the CSS comes from.
    public var styles: Styles
    /// The links to the site's other pages.
    public var navigation: Navigation

    /// Creates a page.
    public init(_ executed: ExecutedNotebook, styles: Styles = .embedded, navigation: Navigation = Navigation()) {
        self.executed = executed
        self.styles = styles
        self.navigation = navigation
    }

    /// The page's HTML.
    public func render() -> String {
        String(decoding: renderUTF8(), as: UTF8.self)
    }

    /// The page's HTML as UTF-8 bytes, ready to write.
    public func renderUTF8() -> [UInt8] {
        let pieces = renderPieces()
        var html: [UInt8] = []
        html.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { piece.withUTF8 { html.append(contentsOf: $0) } }
        return html
    }

    /// Writes the page to `path` as `OutputFile.write` does, the prose straight from cmark's buffer
    /// (a 10 MB page is not gathered into another 10 MB first).
    /// - Throws: `SiteError.unwritable` with the reason; an old file is then unchanged.
    public func write(to path: String) throws(SiteError) {
        try OutputFile.write(renderPieces(), to: path)
    }

    /// Every cell's HTML, the cells shared between the cores this process may use: each cell is
    /// one part with one owner, so the page is the same whoever renders which.
    private func renderedCells() -> [String] {
        let notebook = executed.notebook
        var rendered = [String](repeating: "", count: notebook.cells.count)
        rendered.withUnsafeMutableBufferPointer { out in
            Parallel.forEach(parts: out.count, threads: Parallel.coreCount) { index in
                out[index] = CellHTML.render(notebook.cells[index], executed.cells[index], source: notebook.source)
            }
        }
        return rendered
    }

    /// The page in order: its own markup, gathered as bytes, between the pieces of prose as cmark
    /// wrote them. Appending megabytes to a `String` costs several instructions a byte.
    func renderPieces() -> [PagePiece] {
        let notebook = executed.notebook
        let cells = renderedCells()
        var pieces: [PagePiece] = []
        var html: [UInt8] = []
        html += PageShell.head(title: notebook.title, styles: styles).utf8
        html += PageShell.header(index: navigation.index, claims: executed.claims, hasErrors: executed.failed,
                                 links: navigation.links).utf8
        let contents = notebook.headings.filter { $0.level >= 2 && $0.level <= 3 }
        html += (contents.isEmpty ? "<div class=\"layout single\">\n" : "<div class=\"layout\">\n").utf8
        if !contents.isEmpty {
            html += "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n".utf8
            for heading in contents {
                html += "<li class=\"level-\(heading.level)\"><a href=\"#\(HTML.escape(heading.anchor))\">".utf8
                html += "\(HTML.escape(heading.text))</a></li>\n".utf8
            }
            html += "</ol>\n</nav>\n".utf8
        }
        html += "<main>\n<article>\n".utf8
        for segment in notebook.body {
            switch segment {
            case .html(let prose):
                pieces.append(.markup(html))
                html.removeAll()
                pieces.append(.prose(prose))
            case .cell(let index): html += cells[index].utf8
            case .inline(let index): html += InlineHTML.render(notebook.inlineCode[index], executed.inline[index]).utf8
            }
        }
        html += "</article>\n".utf8
        html += pager().utf8
        html += "</main>\n</div>\n</body>\n</html>\n".utf8
        pieces.append(.markup(html))
        return pieces
    }

    private func pager() -> String {
        let (previous, next) = (navigation.previous, navigation.next)
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Lessons\">\n"
        if let previous {
            html += "<a class=\"previous\" rel=\"prev\" href=\"\(HTML.escape(previous.href))\"><small>Previous</small>"
            html += "\(HTML.escape(previous.title))</a>\n"
        }
        if let next {
            html += "<a class=\"next\" rel=\"next\" href=\"\(HTML.escape(next.href))\"><small>Next</small>"
            html += "\(HTML.escape(next.title))</a>\n"
        }
        return html + "</nav>\n"
    }
}

/// A run of a page's bytes: markup the page made, or prose as cmark rendered it.
enum PagePiece {
    case markup([UInt8])
    case prose(ProseHTML)

    var count: Int {
        switch self {
        case .markup(let bytes): bytes.count
        case .prose(let prose): prose.count
        }
    }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case .markup(let bytes): try bytes.withUnsafeBufferPointer(body)
        case .prose(let prose): try prose.withUTF8(body)
        }
    }
}
