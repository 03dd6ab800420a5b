import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kernelbook serve` as an author uses it: it serves the site on loopback, a save rebuilds the
/// notebook and sends the open page a reload event, the new text is served, paths outside the
/// site are refused, and Ctrl-C (SIGINT) stops it cleanly.
@Suite struct ServeTests {
    /// The client: waits for the event stream, saves an edit, waits for the reload, reads the page
    /// and tries to climb out of the site. Python's standard library, so no browser timing is involved.
    static let client = #"""
        import http.client, sys, time
        port, notebook = int(sys.argv[1]), sys.argv[2]
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        events.request("GET", "/__kernelbook/events")
        stream = events.getresponse()
        assert stream.readline().startswith(b": connected"), "no stream"
        text = open(notebook).read().replace("First words", "Edited words")
        open(notebook, "w").write(text)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = stream.readline()
            if line.startswith(b"event: reload"):
                print("reload")
                break
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        page.request("GET", "/a.html")
        body = page.getresponse().read().decode()
        print("edited" if "Edited words" in body else "stale")
        print("script" if "/__kernelbook/reload.js" in body else "no script")
        escape = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        escape.request("GET", "/%2e%2e/%2e%2e/etc/passwd")
        print(escape.getresponse().status)
        """#

    @Test func aSaveReloadsThePageAndCtrlCStopsTheServer() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": "# A\n\nFirst words.\n\n```swift\n#expect(1 + 1 == 2)\n```\n"])
        let log = folder + "/serve.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        server.executableURL = Kernelbook.executable
        server.arguments = ["serve", "Notebooks", "--port", "0"]
        server.currentDirectoryURL = URL(fileURLWithPath: folder)
        let handle = FileHandle(forWritingAtPath: log)
        server.standardOutput = handle
        server.standardError = handle
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        var port: String?
        for _ in 0..<600 where port == nil {
            let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            port = text.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)\//).map { String($0.output.1) }
            if port == nil { usleep(50_000) }
        }
        guard let port else { Issue.record("the server printed no URL"); return }

        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        client.arguments = ["python3", "-c", Self.client, port, folder + "/Notebooks/a.md"]
        let output = Pipe()
        client.standardOutput = output
        try client.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        #expect(printed == "reload\nedited\nscript\n403\n")

        kill(server.processIdentifier, SIGINT)
        for _ in 0..<200 where server.isRunning { usleep(50_000) }
        #expect(!server.isRunning, "SIGINT did not stop the server")
        if server.isRunning { server.terminate() }
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        #expect(text.contains("rebuilt in "), "\(text)")
        #expect(text.hasSuffix("stopped\n"), "\(text)")
    }
}
