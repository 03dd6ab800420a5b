import Outputs
import Notebook

/// Cell source as HTML, coloured from swift-syntax's tokens.
enum CodeHTML {
    static func highlighted(_ tokens: [HighlightedToken]) -> String {
        var html = ""
        for token in tokens {
            if token.kind == .plain {
                html += HTML.escape(token.text)
            } else {
                html += "<span class=\"tok-\(token.kind.rawValue)\">\(HTML.escape(token.text))</span>"
            }
        }
        return html
    }
}
