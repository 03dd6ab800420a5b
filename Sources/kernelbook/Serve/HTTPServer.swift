import Foundation
import Synchronization
import Render
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `kernelbook serve`: GET and HEAD of the site's files from memory,
/// one thread per connection, and the live-reload event stream.
final class HTTPServer: Sendable {
    /// The listening socket.
    let socket: Int32
    /// The port it listens on (the one the system chose for port 0).
    let port: Int
    /// The site served, replaced whole on each rebuild.
    private let site = Mutex<[String: [UInt8]]>([:])
    /// The event streams open to pages.
    private let subscribers = Mutex<[Int32]>([])

    /// Listens on `host`:`port`; throws a message when it cannot.
    init(host: String, port: Int) throws(ServeError) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let name = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else {
            throw ServeError("'\(host)' is not an IPv4 address to listen on, such as 127.0.0.1 or 0.0.0.0")
        }
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServeError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServeError("cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socket = descriptor
        self.port = Int(UInt16(bigEndian: actual.sin_port))
    }

    /// Serves `files` from now on.
    func publish(_ files: [String: [UInt8]]) {
        site.withLock { $0 = files }
    }

    /// Tells every open page to reload; drops the streams that are gone.
    func announceReload() {
        let event = Array("event: reload\ndata: rebuilt\n\n".utf8)
        subscribers.withLock { streams in
            streams.removeAll { stream in
                let sent = event.withUnsafeBytes { send(stream, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent != event.count { close(stream); return true }
                return false
            }
        }
    }

    /// Accepts connections on a thread of its own, each served on a thread of its own.
    func start() {
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(socket, nil, nil)
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                Thread.detachNewThread { [self] in serve(connection) }
            }
        }
    }

    /// Answers one request on `connection`, then closes it (an event stream stays open).
    private func serve(_ connection: Int32) {
        guard let request = Self.readRequest(connection) else { close(connection); return }
        let response = respond(to: request)
        if case .stream = response {
            let head = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n".utf8)
            guard Self.writeAll(head, to: connection) else { close(connection); return }
            subscribers.withLock { $0.append(connection) }
            return
        }
        guard case let .file(status, type, body) = response else { return }
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        _ = Self.writeAll(Array(head.utf8) + (request.method == "HEAD" ? [] : body), to: connection)
        close(connection)
    }

    /// A request's method and target.
    struct Request {
        var method: String
        var target: String
    }

    enum Response {
        case file(status: String, type: String, body: [UInt8])
        case stream
    }

    /// The answer to `request`: a file of the site, the reload script or stream, or an error.
    func respond(to request: Request) -> Response {
        func error(_ status: String) -> Response {
            .file(status: status, type: "text/plain; charset=utf-8", body: Array("\(status)\n".utf8))
        }
        guard request.method == "GET" || request.method == "HEAD" else { return error("405 Method Not Allowed") }
        guard let path = Self.sitePath(request.target) else { return error("403 Forbidden") }
        if "/" + path == LiveReload.eventsPath { return .stream }
        if "/" + path == LiveReload.scriptPath {
            return .file(status: "200 OK", type: "text/javascript; charset=utf-8", body: Array(LiveReload.script.utf8))
        }
        guard let body = site.withLock({ $0[path] }) else { return error("404 Not Found") }
        let type = Self.contentType(path)
        return .file(status: "200 OK", type: type, body: type.hasPrefix("text/html") ? LiveReload.inject(into: body) : body)
    }

    /// The site file `target` names (`/` is `index.html`), or nil for a path that leaves the site:
    /// a `..` segment, a backslash or a NUL, written plainly or percent-encoded.
    static func sitePath(_ target: String) -> String? {
        var path = Substring(target)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard path.hasPrefix("/"), let decoded = String(path).removingPercentEncoding,
              !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let joined = segments.joined(separator: "/")
        return joined.isEmpty || joined.hasSuffix("/") ? joined + "index.html" : joined
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json", "ipynb": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    /// The request line of what arrives on `connection`, reading up to the end of its headers.
    private static func readRequest(_ connection: Int32) -> Request? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 16384 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            bytes += buffer[0..<count]
            if bytes.count >= 4, bytes.suffix(from: max(0, bytes.count - count - 3)).firstRange(of: Array("\r\n\r\n".utf8)) != nil { break }
        }
        let head = String(decoding: bytes, as: UTF8.self)
        guard let line = head.split(separator: "\r\n").first else { return nil }
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        return Request(method: String(parts[0]), target: String(parts[1]))
    }

    private static func writeAll(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}

/// Why `kernelbook serve` cannot start.
struct ServeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
