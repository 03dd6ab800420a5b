import Foundation
import Testing

/// Every page of the site, as built from `Notebooks/`, opened in headless Chromium: it must draw
/// something and log no console error (a script, a CSP violation, a broken image would).
@Suite(.serialized) struct PageScreenshotTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func chromium() -> String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func builtSite() throws -> String {
        let folder = try Kernelbook.folder([:])
        let result = try Kernelbook.run(["build", repository + "/Notebooks", "-o", folder + "/Site"])
        try #require(result.status == 0, "the site does not build: \(result.stderr)")
        return folder + "/Site"
    }

    /// Runs Chromium on a page; returns its console lines and the screenshot's bytes.
    static func screenshot(_ page: String, query: String = "", width: Int = 1280, height: Int = 1600, dark: Bool = false) throws
        -> (console: [String], png: Data)
    {
        let browser = try #require(chromium(), "Chromium is not installed; `make deps` installs it")
        let png = page + (dark ? ".dark.png" : ".png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--enable-logging=stderr", "--v=0", "--screenshot=\(png)", "--window-size=\(width),\(height)",
            "--virtual-time-budget=5000",
        ] + (dark ? ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] : []) + ["file://\(page)\(query)"]
        let log = page + ".log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        process.waitUntilExit()
        let console = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            .split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Refused to") }
        return (console, FileManager.default.contents(atPath: png) ?? Data())
    }

    /// The share of a PNG's filtered scanline bytes that are not zero: near 0 for a blank page
    /// (every row predicts the one above), a few percent for a page with text and figures.
    static func ink(_ png: Data) throws -> Double {
        let script = """
            import struct, sys, zlib
            data = sys.stdin.buffer.read(); pos, idat = 8, b''
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos + 8])
                if kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
                pos += 12 + n
            raw = zlib.decompress(idat)
            print((len(raw) - raw.count(0)) / len(raw))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(png)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return try #require(Double(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func everyPageDrawsAndLogsNoConsoleError() throws {
        let site = try Self.builtSite()
        let pages = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count >= 2)
        for page in pages {
            for dark in [false, true] {
                // The search page shows results for a query, which its script finds.
                let (console, png) = try Self.screenshot("\(site)/\(page)", query: page == "search.html" ? "?q=conv" : "", dark: dark)
                #expect(console == [], "\(page)\(dark ? " (dark)" : ""): \(console)")
                #expect(png.count > 10_000, "\(page): the screenshot is missing or tiny")
                #expect(try Self.ink(png) > 0.01, "\(page)\(dark ? " (dark)" : ""): the page looks blank")
            }
        }
    }

    @Test func aBlankPageIsToldApart() throws {
        let folder = try Kernelbook.folder(["blank.html": "<!DOCTYPE html><html><body></body></html>"])
        let (_, png) = try Self.screenshot(folder + "/blank.html")
        #expect(try Self.ink(png) < 0.01)
    }

    @Test func aConsoleErrorIsCaught() throws {
        let folder = try Kernelbook.folder(["error.html": "<!DOCTYPE html><html><body>x<script>console.error('boom')</script></body></html>"])
        let (console, _) = try Self.screenshot(folder + "/error.html")
        #expect(console.contains { $0.contains("boom") })
    }
}
