import Foundation
import Testing
import Kernels

/// One case of `Fixtures/manifest.json`: numpy's inputs and outputs for one op.
struct Fixture: Decodable, Sendable, CustomTestStringConvertible {
    struct Array: Decodable, Sendable {
        let file: String
        let shape: [Int]
    }

    /// A parameter as JSON has it: a number or a string ("same").
    enum Parameter: Decodable, Sendable {
        case number(Double), text(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    let name: String
    let op: String
    let params: [String: Parameter]
    let inputs: [String: Array]
    let outputs: [String: Array]

    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every case of the manifest.
    static let all: [Fixture] = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode([Fixture].self, from: data)
    }()

    /// The cases for `op`.
    static func cases(_ op: String) -> [Fixture] { all.filter { $0.op == op } }

    func input(_ key: String) throws -> Tensor { try Fixture.load(inputs[key]!) }
    func optionalInput(_ key: String) throws -> Tensor? { try inputs[key].map(Fixture.load) }
    func output(_ key: String = "output") throws -> Tensor { try Fixture.load(outputs[key]!) }

    func int(_ key: String) -> Int {
        guard case .number(let value) = params[key] else { fatalError("\(name): no number '\(key)'") }
        return Int(value)
    }

    func float(_ key: String) -> Float {
        guard case .number(let value) = params[key] else { fatalError("\(name): no number '\(key)'") }
        return Float(value)
    }

    func padding(_ key: String = "padding") -> Padding {
        switch params[key] {
        case .text("same"): .same
        case .text("valid"): .valid
        case .number(let amount): .explicit(Int(amount))
        default: fatalError("\(name): no padding")
        }
    }

    private static func load(_ array: Array) throws -> Tensor {
        let data = try Data(contentsOf: directory.appendingPathComponent(array.file))
        let scalars = data.withUnsafeBytes { bytes in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        return try Tensor(shape: array.shape, scalars: scalars)
    }
}
