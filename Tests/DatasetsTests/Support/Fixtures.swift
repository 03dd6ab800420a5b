import Foundation

/// `Fixtures/manifest.json`, written by `Fixtures/make_fixtures.py`: PNG files made by hand with
/// zlib and struct, `.npy` files made by numpy, and the values each must load as.
struct Manifest: Decodable {
    /// One file and the tensor it holds.
    struct Case: Decodable, CustomTestStringConvertible {
        let file: String
        let shape: [Int]
        let values: [Float]
        var path: String { Fixtures.path(file) }
        var testDescription: String { file }
    }

    /// One split made by Data/digits/split.py.
    struct Split: Decodable, CustomTestStringConvertible {
        let labels: [Int]
        let testFraction: Double
        let seed: String
        let train: [Int]
        let test: [Int]
        var testDescription: String { "\(labels.count) labels, fraction \(testFraction), seed \(seed)" }
    }

    /// The top-left places SyntheticImages must choose, by the Python rule.
    struct Draws: Decodable, CustomTestStringConvertible {
        let rows: [Int]
        let columns: [Int]
        let seed: String
        let places: [[Int]]
        var testDescription: String { "\(places.count) images, seed \(seed)" }
    }

    let png: [Case]
    let npy: [Case]
    let saved: [Case]
    let splits: [Split]
    let draws: [Draws]
}

import Testing

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let manifest: Manifest = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode(Manifest.self, from: data)
    }()

    /// The path of the fixture `name` ("png/grey8.png").
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The bytes of the fixture `name`.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// A fresh folder under the system's temporary folder, removed at the end of `body`.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kernelbook-datasets-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder.path)
}

/// Writes `bytes` to `name` in `folder` and returns its path.
func write(_ bytes: [UInt8], named name: String, in folder: String) throws -> String {
    let path = folder + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}
