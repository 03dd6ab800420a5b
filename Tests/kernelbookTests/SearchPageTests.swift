import Foundation
import Testing

/// The site's search page in headless Chromium: its script, allowed by the page's policy, finds
/// lessons, headings and claims offline (from `file://`).
@Suite(.serialized) struct SearchPageTests {
    /// The page's DOM after its scripts ran, and the console lines Chromium logged.
    static func dom(_ url: String, javascript: Bool = true) throws -> (html: String, console: [String]) {
        let browser = try #require(PageScreenshotTests.chromium(), "Chromium is not installed; `make test-deps` installs it")
        let folder = try Kernelbook.folder([:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=5000", "--dump-dom"]
            + (javascript ? [] : ["--blink-settings=scriptEnabled=false"]) + [url]
        _ = FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: folder + "/log", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: folder + "/out")
        process.standardError = FileHandle(forWritingAtPath: folder + "/log")
        try process.run()
        process.waitUntilExit()
        let html = String(decoding: FileManager.default.contents(atPath: folder + "/out") ?? Data(), as: UTF8.self)
        let console = String(decoding: FileManager.default.contents(atPath: folder + "/log") ?? Data(), as: UTF8.self)
            .split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Refused to") }
        return (html, console)
    }

    /// The result links of a search, in order: `(href, text)`.
    static func results(_ html: String) -> [(href: String, text: String)] {
        guard let list = html.firstMatch(of: /<ol class="results" id="search-results">(.*?)<\/ol>/.dotMatchesNewlines()) else { return [] }
        return list.output.1.matches(of: /<a href="([^"]*)"[^>]*>([^<]*)<\/a>/).map { (String($0.output.1), String($0.output.2)) }
    }

    @Test func aQueryFindsTheHeadingItShould() throws {
        let site = try PageScreenshotTests.builtSite()
        let (html, console) = try Self.dom("file://\(site)/search.html?q=parameter%20sharing")
        #expect(console == [])
        let results = Self.results(html)
        #expect(results.first.map { "\($0.href) \($0.text)" } == "day03-cnn.html#parameter-sharing Parameter sharing", "\(results)")
        #expect(html.contains("results for “parameter sharing”"))
    }

    @Test func aQueryFindsLessonsAndClaimsAndIgnoresCase() throws {
        let site = try PageScreenshotTests.builtSite()
        let lessons = Self.results(try Self.dom("file://\(site)/search.html?q=classic%20CNNS").html)
        #expect(lessons.first?.href == "day04-classic-cnns.html")
        let claims = Self.results(try Self.dom("file://\(site)/search.html?q=changed%20%3D%3D%2012").html)
        #expect(claims.map(\.href) == ["day02-mlp.html#one-pixel"], "\(claims)")
        let nothing = try Self.dom("file://\(site)/search.html?q=zebra").html
        #expect(Self.results(nothing).isEmpty)
        #expect(nothing.contains("Nothing found for “zebra”."))
    }

    /// Without JavaScript the page is its static HTML: a form that submits to itself and a note
    /// (Chromium's headless mode cannot dump a page with scripts off, so the HTML is read as served).
    @Test func withoutJavaScriptTheSearchPageSaysWhatToUseInstead() throws {
        let site = try PageScreenshotTests.builtSite()
        let html = try String(contentsOfFile: site + "/search.html", encoding: .utf8)
        #expect(html.contains("<form class=\"search-form\" id=\"search-form\" role=\"search\" action=\"search.html\" method=\"get\">"))
        #expect(html.contains("<noscript><p>Search runs in your browser and needs JavaScript. Without it, the <a href=\"index.html\">list of lessons</a>"))
        #expect(html.contains("form-action 'self'"))
    }

    @Test func onlyTheSearchPageMayRunScriptAndOnlyItsOwnFiles() throws {
        let site = try PageScreenshotTests.builtSite()
        for page in try FileManager.default.contentsOfDirectory(atPath: site).filter({ $0.hasSuffix(".html") }) {
            let html = try String(contentsOfFile: "\(site)/\(page)", encoding: .utf8)
            let scripts = html.matches(of: /<script[^>]*>/).map { String($0.output) }
            if page == "search.html" {
                #expect(html.contains("script-src 'self';"))
                #expect(scripts == ["<script src=\"assets/search-index.js\">", "<script src=\"assets/search.js\">"])
            } else {
                #expect(!html.contains("script-src"), "\(page)")
                #expect(scripts.isEmpty, "\(page)")
                #expect(html.contains("<a href=\"search.html\">Search</a>"), "\(page)")
            }
        }
    }
}
