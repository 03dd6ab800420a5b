import Outputs
import Notebook

/// The parts every page shares: the document head and the site header.
enum PageShell {
    /// No script may run, whatever the Markdown held; styles and images come from the page or the site.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    static func head(title: String, styles: HTMLPage.Styles) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="generator" content="Kernelbook">
            <title>\(HTML.escape(title))</title>

            """
        switch styles {
        case .embedded: html += "<style>\n\(Stylesheet.css)</style>\n"
        case .linked(let href): html += "<link rel=\"stylesheet\" href=\"\(HTML.escape(href))\">\n"
        }
        return html + "</head>\n<body>\n"
    }

    static func header(index: HTMLPage.Link?, claims: [ClaimResult], hasErrors: Bool) -> String {
        var html = "<header class=\"site-header\">\n"
        let brand = "Kernel<span>book</span>"
        if let index {
            html += "<a class=\"brand\" href=\"\(HTML.escape(index.href))\">\(brand)</a>\n"
        } else {
            html += "<span class=\"brand\">\(brand)</span>\n"
        }
        html += "<span class=\"status\">\(ClaimTally(claims).html(hasErrors: hasErrors))</span>\n"
        return html + "</header>\n"
    }
}
