import Outputs
import Notebook

/// The parts every page shares: the document head and the site header.
enum PageShell {
    /// No script may run, whatever the Markdown held; styles and images come from the page or the site.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    /// The search page's policy: as every page's, but its own two script files may run, and its form
    /// may submit to the site.
    static let searchPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'"

    static func head(title: String, styles: HTMLPage.Styles, policy: String = contentSecurityPolicy) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="generator" content="Kernelbook">
            <title>\(HTML.escape(title))</title>

            """
        switch styles {
        case .embedded: html += "<style>\n\(Stylesheet.css)</style>\n"
        case .linked(let href): html += "<link rel=\"stylesheet\" href=\"\(HTML.escape(href))\">\n"
        }
        return html + "</head>\n<body>\n"
    }

    static func header(index: HTMLPage.Link?, claims: [ClaimResult], hasErrors: Bool, links: [HTMLPage.Link] = []) -> String {
        var html = "<header class=\"site-header\">\n"
        let brand = "Kernel<span>book</span>"
        if let index {
            html += "<a class=\"brand\" href=\"\(HTML.escape(index.href))\">\(brand)</a>\n"
        } else {
            html += "<span class=\"brand\">\(brand)</span>\n"
        }
        html += "<span class=\"status\">\(ClaimTally(claims).html(hasErrors: hasErrors))</span>\n"
        if !links.isEmpty {
            html += "<nav class=\"site-links\" aria-label=\"Site\">"
            for link in links {
                html += "<a href=\"\(HTML.escape(link.href))\"\(link.download ? " download" : "")>\(HTML.escape(link.title))</a>"
            }
            html += "</nav>\n"
        }
        return html + "</header>\n"
    }
}
