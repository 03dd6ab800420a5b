import Foundation
import Testing

/// Decodes an 8-bit RGB PNG with Python's zlib (an independent inflate), undoing the row filters.
public func decodePNGWithPython(_ png: [UInt8]) throws -> (width: Int, height: Int, rgb: [UInt8]) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-\(UUID()).png").path
    try Data(png).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
        pos, idat = 8, b''
        while pos < len(data):
            n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]
            assert struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])[0] == zlib.crc32(kind + body)
            if kind == b'IHDR': w, h = struct.unpack('>II', body[:8]); assert body[8:] == bytes([8, 2, 0, 0, 0])
            if kind == b'IDAT': idat += body
            pos += 12 + n
        raw = zlib.decompress(idat); s = w * 3; out = bytearray(); prev = bytearray(s)
        for y in range(h):
            f, row = raw[y * (s + 1)], bytearray(raw[y * (s + 1) + 1:(y + 1) * (s + 1)])
            for x in range(s):
                a = row[x - 3] if x >= 3 else 0; b = prev[x]; c = prev[x - 3] if x >= 3 else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = [0, a, b, (a + b) // 2, a if pa <= pb and pa <= pc else (b if pb <= pc else c)][f]
                row[x] = (row[x] + pr) & 255
            out += row; prev = row
        print(w, h, out.hex())
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let parts = output.split(separator: " ")
    try #require(process.terminationStatus == 0 && parts.count == 3, "python could not decode the PNG")
    let hex = Array(parts[2].trimmingCharacters(in: .whitespacesAndNewlines).utf8)
    var bytes: [UInt8] = []
    var index = 0
    while index + 1 < hex.count {
        bytes.append(UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16)!)
        index += 2
    }
    return (Int(parts[0])!, Int(parts[1])!, bytes)
}

