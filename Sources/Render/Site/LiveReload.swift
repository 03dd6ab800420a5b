/// What `kernelbook serve` adds to the pages it serves, and to them only: a script that reloads
/// the page when the server says the site was rebuilt (a server-sent-events stream). Built pages
/// keep their policy that forbids every script.
public enum LiveReload {
    /// The stream of reload events.
    public static let eventsPath = "/__kernelbook/events"
    /// The script, served from the site's own origin so the pages' policy can allow it by `'self'`.
    public static let scriptPath = "/__kernelbook/reload.js"

    /// Reloads the page on each `reload` event; the browser reconnects by itself after a restart.
    public static let script = """
        "use strict";
        new EventSource("\(eventsPath)").addEventListener("reload", () => location.reload());

        """

    /// `page` with the reload script before `</body>` and a policy that lets it run and connect.
    public static func inject(into page: [UInt8]) -> [UInt8] {
        var html = String(decoding: page, as: UTF8.self)
        let policyStart = "content=\"default-src 'none';"
        if let range = html.firstRange(of: policyStart) {
            let hasScripts = html[range.upperBound...].prefix(200).contains("script-src 'self'")
            html.replaceSubrange(range, with: policyStart + (hasScripts ? "" : " script-src 'self';") + " connect-src 'self';")
        }
        let tag = "<script src=\"\(scriptPath)\"></script>\n"
        if let end = html.ranges(of: "</body>").last {
            html.insert(contentsOf: tag, at: end.lowerBound)
        } else {
            html += tag
        }
        return Array(html.utf8)
    }
}
