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

    /// Starts `serve` on a free port in `folder`; the process, its port and its log file.
    static func startServer(in folder: String, host: [String] = []) throws -> (Process, String, String)? {
        let log = folder + "/serve.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        server.executableURL = Kernelbook.executable
        server.arguments = ["serve", "Notebooks", "--port", "0"] + host
        server.currentDirectoryURL = URL(fileURLWithPath: folder)
        let handle = FileHandle(forWritingAtPath: log)
        server.standardOutput = handle
        server.standardError = handle
        try server.run()
        var port: String?
        for _ in 0..<600 where port == nil {
            let text = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            port = text.firstMatch(of: /http:\/\/(?:127\.0\.0\.1|\[::1\]):([0-9]+)\//).map { String($0.output.1) }
            if port == nil { usleep(50_000) }
        }
        guard let port else {
            server.terminate()
            return nil
        }
        return (server, port, log)
    }

    /// Makes a folder of `files`, lets `prepare` add to it, starts `serve` there and runs `body` with
    /// the port, the folder, the server and its log; the server is stopped afterwards.
    static func withServer(_ files: [String: String], prepare: (String) throws -> Void = { _ in },
                           _ body: (_ port: String, _ folder: String, _ server: Process, _ log: String) throws -> Void) throws {
        let folder = try Kernelbook.folder(files)
        try prepare(folder)
        guard let (server, port, log) = try startServer(in: folder) else {
            Issue.record("the server printed no URL")
            return
        }
        defer { if server.isRunning { server.terminate() } }
        try body(port, folder, server, log)
    }

    /// Runs a Python client script with `arguments`; what it printed.
    static func runClient(_ script: String, _ arguments: [String]) throws -> String {
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        client.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        client.standardOutput = output
        try client.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        client.waitUntilExit()
        return printed
    }

    @Test func aSaveReloadsThePageAndCtrlCStopsTheServer() throws {
        try Self.withServer(["Notebooks/a.md": "# A\n\nFirst words.\n\n```swift\n#expect(1 + 1 == 2)\n```\n"]) { port, folder, server, log in
            let printed = try Self.runClient(Self.client, [port, folder + "/Notebooks/a.md"])
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

    /// A hostile or careless client: silent and trickling connections, oversized and malformed
    /// requests, paths that climb out of the site, then 1,000 requests from 8 threads at once.
    static let abuse = #"""
        import http.client, socket, sys, threading, time
        port = int(sys.argv[1])
        def raw(data):
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(data)
            reply = b""
            while True:
                chunk = s.recv(65536)
                if not chunk: break
                reply += chunk
            s.close()
            return reply.split(b" ", 2)[1].decode() if reply.startswith(b"HTTP/1.1 ") else "none"
        def get(path):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", path)
            r = c.getresponse()
            body = r.read()
            c.close()
            return r.status, body
        # Twenty clients that connect and say nothing, one that sends a byte and stops.
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
        trickle = socket.create_connection(("127.0.0.1", port))
        trickle.sendall(b"G")
        start = time.time()
        status, body = get("/a.html")
        print("served beside silent clients", status, "fast" if time.time() - start < 2 else "slow")
        print("long line", raw(b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n\r\n"))
        print("long head", raw(b"GET / HTTP/1.1\r\n" + b"X-Pad: " + b"b" * 9000 + b"\r\n" + b"X-Pad2: " + b"c" * 9000 + b"\r\n\r\n"))
        print("garbage", raw(b"\x00\xff nonsense\r\n\r\n"))
        print("post", raw(b"POST /a.html HTTP/1.1\r\nContent-Length: 0\r\n\r\n"))
        for path in ["/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
                     "/..%5c..%5cetc", "/a.html%00.css", "http://localhost/etc/passwd", "/./a.html"]:
            print(path, raw(b"GET " + path.encode() + b" HTTP/1.1\r\n\r\n"))
        print("missing", get("/nothing-here.html")[0])
        errors, ok = [], [0]
        lock = threading.Lock()
        def worker(n):
            for i in range(n):
                try:
                    status, body = get(["/a.html", "/", "/assets/kernelbook.css", "/search.html"][i % 4])
                    assert status == 200 and body, status
                    with lock: ok[0] += 1
                except Exception as e:
                    with lock: errors.append(repr(e))
        threads = [threading.Thread(target=worker, args=(125,)) for _ in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        print("load", ok[0], "ok", len(errors), "errors", errors[:3])
        for s in silent: s.close()
        trickle.close()
        """#

    @Test func hostileClientsNeitherStopTheServerNorReadOutsideTheSite() throws {
        try Self.withServer(["Notebooks/a.md": "# A\n\nWords.\n"]) { port, folder, server, _ in
            let printed = try Self.runClient(Self.abuse, [port])
            #expect(printed == """
                served beside silent clients 200 fast
                long line 414
                long head 431
                garbage 400
                post 405
                /../etc/passwd 403
                /a/../../etc/passwd 403
                /%2e%2e/etc/passwd 403
                /%2E%2E%2Fetc%2Fpasswd 403
                /..%5c..%5cetc 403
                /a.html%00.css 403
                http://localhost/etc/passwd 403
                /./a.html 403
                missing 404
                load 1000 ok 0 errors []

                """)
            #expect(server.isRunning)
        }
    }

    /// Writes a float32 `.npy` file with Python's standard library, then changes it: the page that
    /// loads it from a subfolder is rebuilt, and its new output served.
    static let dataClient = #"""
        import http.client, struct, sys, time
        port, path = int(sys.argv[1]), sys.argv[2]
        def npy(values):
            header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d,), }" % len(values)
            header += " " * ((64 - (11 + len(header)) % 64) % 64) + "\n"
            with open(path, "wb") as f:
                f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode()
                        + struct.pack("<%df" % len(values), *values))
        def page():
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/a.html")
            return c.getresponse().read().decode()
        print("before", "total 3" in page())
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        events.request("GET", "/__kernelbook/events")
        stream = events.getresponse()
        assert stream.readline().startswith(b": connected")
        npy([10.0, 20.0])
        deadline = time.time() + 60
        while time.time() < deadline and not stream.readline().startswith(b"event: reload"):
            pass
        print("after", "total 30" in page())
        """#

    @Test func changingADataFileInASubfolderRebuildsThePageThatReadsIt() throws {
        let notebook = "# A\n\n```swift\nlet v = Tensor.load(\"data/v.npy\")\nprint(\"total \\(v.sum())\")\n```\n"
        try Self.withServer(["Notebooks/a.md": notebook], prepare: { folder in
            try FileManager.default.createDirectory(atPath: folder + "/Notebooks/data", withIntermediateDirectories: true)
            // [1, 2] as float32, written as the client writes it: 10 + 118 header bytes, a multiple of 64.
            let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }" + String(repeating: " ", count: 60) + "\n"
            var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.utf8.count), 0] + Array(header.utf8)
            for value: Float in [1, 2] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/Notebooks/data/v.npy"))
        }) { port, folder, _, log in
            let printed = try Self.runClient(Self.dataClient, [port, folder + "/Notebooks/data/v.npy"])
            #expect(printed == "before True\nafter True\n", "\(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))")
        }
    }

    /// Drives headless Chromium over the DevTools protocol (`--remote-debugging-pipe`: JSON messages
    /// ending in NUL on fds 3 and 4): opens the page, marks its window, saves an edit, and waits for a
    /// fresh window (the mark gone) showing the new text. A save the page's event stream was not yet
    /// open for is saved again, up to three times.
    static let browserClient = #"""
        import json, os, subprocess, sys, time
        browser, url, notebook = sys.argv[1], sys.argv[2], sys.argv[3]
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        def child():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)
        chrome = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                                   "--user-data-dir=" + os.path.dirname(notebook) + "/../.chromium", "about:blank"],
                                  preexec_fn=child, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        state = {"pending": b"", "id": 0}
        def send(method, params=None, session=None):
            state["id"] += 1
            message = {"id": state["id"], "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            os.write(to_browser_w, json.dumps(message).encode() + b"\0")
            while True:
                while b"\0" not in state["pending"]:
                    chunk = os.read(from_browser_r, 65536)
                    if not chunk:
                        raise RuntimeError("the browser closed the pipe")
                    state["pending"] += chunk
                raw, state["pending"] = state["pending"].split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == state["id"]:
                    if "error" in reply:
                        raise RuntimeError(str(reply["error"]))
                    return reply["result"]
        target = send("Target.createTarget", {"url": url})["targetId"]
        session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        def holds(expression, seconds):
            deadline = time.time() + seconds
            while time.time() < deadline:
                try:
                    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
                    if result["result"].get("value") is True:
                        return True
                except RuntimeError:
                    pass  # the page is being replaced
                time.sleep(0.05)
            return False
        print("shown" if holds("document.readyState == 'complete' && document.body.innerText.includes('First words')", 30) else "not shown")
        send("Runtime.evaluate", {"expression": "window.kernelbookTestMark = true"}, session)
        reloaded = False
        for attempt in range(3):
            text = open(notebook).read().replace("First words", "Edited words")
            open(notebook, "w").write(text + "\n" * attempt)
            if holds("window.kernelbookTestMark === undefined && document.body.innerText.includes('Edited words')", 10):
                reloaded = True
                break
        print("reloaded with the edit" if reloaded else "not reloaded")
        send("Browser.close")
        chrome.wait(timeout=30)
        """#

    @Test(.enabled(if: PageScreenshotTests.chromium() != nil, "Chromium is not installed; `make test-deps` installs it"))
    func theOpenPageInChromiumReloadsWithTheEdit() throws {
        try Self.withServer(["Notebooks/a.md": "# A\n\nFirst words.\n\n```swift\n#expect(1 + 1 == 2)\n```\n"]) { port, folder, server, log in
            let browser = try #require(PageScreenshotTests.chromium())
            let printed = try Self.runClient(Self.browserClient, [browser, "http://127.0.0.1:\(port)/a.html", folder + "/Notebooks/a.md"])
            #expect(printed == "shown\nreloaded with the edit\n",
                    "\(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self))")
        }
    }

    /// Deletes one notebook and renames another while the page listens: the index loses the first
    /// and lists the second under its new name.
    static let deleteClient = #"""
        import http.client, os, sys, time
        port, folder = int(sys.argv[1]), sys.argv[2]
        def get(path):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", path)
            r = c.getresponse()
            return r.status, r.read().decode()
        print("listed", "Bees" in get("/index.html")[1], "Cats" in get("/index.html")[1])
        events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        events.request("GET", "/__kernelbook/events")
        stream = events.getresponse()
        assert stream.readline().startswith(b": connected")
        os.remove(folder + "/b.md")
        os.rename(folder + "/c.md", folder + "/d.md")
        deadline = time.time() + 60
        while time.time() < deadline:
            index = get("/index.html")[1]
            if "Bees" not in index and "d.html" in index:
                break
            time.sleep(0.05)
        print("after", "Bees" in index, "Cats" in index, get("/b.html")[0], get("/c.html")[0], get("/d.html")[0])
        """#

    @Test func aDeletedOrRenamedNotebookLeavesTheIndex() throws {
        try Self.withServer(["Notebooks/a.md": "# Ants\n", "Notebooks/b.md": "# Bees\n", "Notebooks/c.md": "# Cats\n"]) { port, folder, server, _ in
            let printed = try Self.runClient(Self.deleteClient, [port, folder + "/Notebooks"])
            #expect(printed == "listed True True\nafter False True 404 404 200\n")
        }
    }

    @Test func itListensOnIPv6LoopbackWhenAskedAndRefusesAnAddressThatIsNone() throws {
        let folder = try Kernelbook.folder(["Notebooks/a.md": "# Ants\n"])
        let refused = try Kernelbook.run(["serve", "Notebooks", "--host", "nonsense"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: 'nonsense' is not an address to listen on, such as 127.0.0.1, ::1 or 0.0.0.0\n")
        guard let (server, port, log) = try Self.startServer(in: folder, host: ["--host", "::1"]) else {
            Issue.record("the server printed no URL")
            return
        }
        defer { if server.isRunning { server.terminate() } }
        let client = """
            import http.client, sys
            c = http.client.HTTPConnection("::1", int(sys.argv[1]), timeout=30)
            c.request("GET", "/a.html")
            r = c.getresponse()
            print(r.status, "Ants" in r.read().decode())
            """
        #expect(try Self.runClient(client, [port]) == "200 True\n")
        #expect(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            .contains("serving Notebooks at http://[::1]:\(port)/"))
    }
}
