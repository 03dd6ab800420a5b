import Foundation
import Synchronization
import Render
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server for `kernelbook serve`: GET and HEAD of the site's files from memory,
/// one thread per connection, and the live-reload event stream.
///
/// A client cannot hold it: each has `clientTimeout` to send its request and to read the answer,
/// a request's head is bounded (414, 431), and past `maximumConnections` at once the next
/// connection is answered 503 and closed.
final class HTTPServer: Sendable {
    /// Connections served at once, event streams included.
    static let maximumConnections = 256
    /// Seconds a client may take to send its request, or to take each part of the answer.
    static let clientTimeout = 10
    /// Bytes a request line may take (414 beyond), and a request's whole head (431 beyond).
    static let maximumLine = 8192, maximumHead = 16384
    /// The listening socket.
    let socket: Int32
    /// The port it listens on (the one the system chose for port 0).
    let port: Int
    /// The site served, replaced whole on each rebuild.
    private let site = Mutex<[String: [UInt8]]>([:])
    /// The event streams open to pages.
    private let subscribers = Mutex<[Int32]>([])
    /// Connections open now, event streams included.
    private let openConnections = Atomic<Int>(0)

    /// Listens on `host`:`port`, an IPv4 or IPv6 address (`localhost` is 127.0.0.1); throws a
    /// message when it cannot.
    init(host: String, port: Int) throws(ServeError) {
        let name = host == "localhost" ? "127.0.0.1" : host
        // An IPv6 address as sockaddr_in6, an IPv4 one as sockaddr_in: the family and the port lead
        // both, and the address sits where the kind's layout puts it.
        let family = name.contains(":") ? AF_INET6 : AF_INET
        let (addressOffset, length) = family == AF_INET6
            ? (MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr)!, MemoryLayout<sockaddr_in6>.size)
            : (MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)!, MemoryLayout<sockaddr_in>.size)
        var storage = sockaddr_storage()
        let parsed = withUnsafeMutableBytes(of: &storage) { raw in
            raw.storeBytes(of: sa_family_t(family), toByteOffset: 0, as: sa_family_t.self)
            raw.storeBytes(of: in_port_t(UInt16(port).bigEndian), toByteOffset: 2, as: in_port_t.self)
            return inet_pton(family, name, raw.baseAddress! + addressOffset) == 1
        }
        guard parsed else {
            throw ServeError("'\(host)' is not an address to listen on, such as 127.0.0.1, ::1 or 0.0.0.0")
        }
        let descriptor = Glibc.socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServeError("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(length)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServeError("cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_storage()
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        socket = descriptor
        // The port sits at the same offset in both address kinds.
        self.port = Int(UInt16(bigEndian: withUnsafeBytes(of: &actual) { $0.load(fromByteOffset: 2, as: UInt16.self) }))
    }

    /// Serves `files` from now on.
    func publish(_ files: [String: [UInt8]]) {
        site.withLock { $0 = files }
    }

    /// Tells every open page to reload; drops the streams that are gone or too slow to take it.
    func announceReload() {
        let event = Array("event: reload\ndata: rebuilt\n\n".utf8)
        subscribers.withLock { streams in
            streams.removeAll { stream in
                let sent = event.withUnsafeBytes { send(stream, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                guard sent != event.count else { return false }
                closeConnection(stream)
                return true
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
                    // Out of descriptors: wait for connections to close rather than spin.
                    if errno == EMFILE || errno == ENFILE { usleep(10_000); continue }
                    return
                }
                var timeout = timeval(tv_sec: Self.clientTimeout, tv_usec: 0)
                let size = socklen_t(MemoryLayout<timeval>.size)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
                setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
                if openConnections.add(1, ordering: .relaxed).newValue > Self.maximumConnections {
                    dropClosedStreams()
                }
                guard openConnections.load(ordering: .relaxed) <= Self.maximumConnections else {
                    _ = Self.writeAll(Self.head(status: "503 Service Unavailable", type: "text/plain; charset=utf-8", length: 0),
                                      to: connection)
                    closeConnection(connection)
                    continue
                }
                Thread.detachNewThread { [self] in serve(connection) }
            }
        }
    }

    /// Closes `connection` and counts it out.
    private func closeConnection(_ connection: Int32) {
        close(connection)
        openConnections.subtract(1, ordering: .relaxed)
    }

    /// Forgets the event streams whose pages have closed them.
    private func dropClosedStreams() {
        subscribers.withLock { streams in
            streams.removeAll { stream in
                var byte: UInt8 = 0
                let peeked = recv(stream, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
                guard peeked == 0 || (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK) else { return false }
                closeConnection(stream)
                return true
            }
        }
    }

    /// Answers one request on `connection`, then closes it (an event stream stays open).
    private func serve(_ connection: Int32) {
        let request: Request
        switch Self.readRequest(connection) {
        case .request(let read): request = read
        case .refused(let status):
            _ = Self.writeAll(Self.head(status: status, type: "text/plain; charset=utf-8", length: 0), to: connection)
            Self.drain(connection)
            closeConnection(connection)
            return
        case .gone:
            closeConnection(connection)
            return
        }
        let response = respond(to: request)
        if case .stream = response {
            let head = Array("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n".utf8)
            guard Self.writeAll(head, to: connection) else { closeConnection(connection); return }
            subscribers.withLock { $0.append(connection) }
            return
        }
        guard case let .file(status, type, body) = response else { return }
        _ = Self.writeAll(Self.head(status: status, type: type, length: body.count) + (request.method == "HEAD" ? [] : body),
                          to: connection)
        closeConnection(connection)
    }

    /// Ends the sending side and reads what the client is still sending (up to 1 MiB, for a second
    /// at most), so that closing does not reset the connection before the client reads the answer.
    private static func drain(_ connection: Int32) {
        shutdown(connection, Int32(SHUT_WR))
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while total < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            total += count
        }
    }

    /// The head of an answer that closes the connection after its body.
    private static func head(status: String, type: String, length: Int) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(head.utf8)
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

    /// What reading a request gave.
    enum RequestRead {
        case request(Request)
        /// A request answered with this status and no more: too long (414, 431) or malformed (400).
        case refused(String)
        /// The client closed the connection, or sent nothing in time.
        case gone
    }

    /// The request line of what arrives on `connection`, reading up to the end of its head.
    private static func readRequest(_ connection: Int32) -> RequestRead {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while bytes.firstRange(of: end) == nil {
            guard bytes.count <= maximumHead else { return .refused("431 Request Header Fields Too Large") }
            if !bytes.contains(UInt8(ascii: "\n")) && bytes.count > maximumLine { return .refused("414 URI Too Long") }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return .gone }
            bytes += buffer[0..<count]
        }
        guard let headEnd = bytes.firstRange(of: end), headEnd.upperBound <= maximumHead else {
            return .refused("431 Request Header Fields Too Large")
        }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
        guard let line = head.split(separator: "\r\n").first else { return .refused("400 Bad Request") }
        guard line.utf8.count <= maximumLine else { return .refused("414 URI Too Long") }
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return .refused("400 Bad Request") }
        return .request(Request(method: String(parts[0]), target: String(parts[1])))
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
