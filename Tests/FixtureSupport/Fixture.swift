import Foundation
import Testing
import Kernels

/// One case of a fixture manifest (`manifest.json`): an op's inputs and outputs computed
/// independently (numpy, PyTorch) by a committed script, as little-endian float32 files beside it.
public struct Fixture: Decodable, Sendable, CustomTestStringConvertible {
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

    /// The case's name.
    public let name: String
    /// The op it exercises.
    public let op: String
    let params: [String: Parameter]
    let inputs: [String: Array]
    let outputs: [String: Array]
    /// The folder of the manifest and the files.
    private(set) var directory = URL(fileURLWithPath: "/")

    enum CodingKeys: String, CodingKey { case name, op, params, inputs, outputs }

    public var testDescription: String { name }

    /// Every case of `directory/manifest.json`.
    public static func all(in directory: URL) -> [Fixture] {
        let data = try! Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode([Fixture].self, from: data).map { fixture in
            var located = fixture
            located.directory = directory
            return located
        }
    }

    /// The names of the inputs.
    public var inputNames: [String] { inputs.keys.sorted() }

    /// The names of the outputs.
    public var outputNames: [String] { outputs.keys.sorted() }

    /// The input called `key`.
    public func input(_ key: String) throws -> Tensor { try load(inputs[key]!) }

    /// The input called `key`, or nil when the case has none.
    public func optionalInput(_ key: String) throws -> Tensor? { try inputs[key].map(load) }

    /// The output called `key`.
    public func output(_ key: String = "output") throws -> Tensor { try load(outputs[key]!) }

    /// The output called `key`, or nil when the case has none.
    public func optionalOutput(_ key: String) throws -> Tensor? { try outputs[key].map(load) }

    /// The number parameter `key`, as an `Int`.
    public func int(_ key: String) -> Int {
        guard case .number(let value) = params[key] else { fatalError("\(name): no number '\(key)'") }
        return Int(value)
    }

    /// The number parameter `key`, as a `Float`.
    public func float(_ key: String) -> Float {
        guard case .number(let value) = params[key] else { fatalError("\(name): no number '\(key)'") }
        return Float(value)
    }

    /// The text parameter `key`.
    public func text(_ key: String) -> String {
        guard case .text(let value) = params[key] else { fatalError("\(name): no text '\(key)'") }
        return value
    }

    /// The padding parameter `key`: "same", "valid" or a number.
    public func padding(_ key: String = "padding") -> Padding {
        switch params[key] {
        case .text("same"): .same
        case .text("valid"): .valid
        case .number(let amount): .explicit(Int(amount))
        default: fatalError("\(name): no padding")
        }
    }

    private func load(_ array: Array) throws -> Tensor {
        let data = try Data(contentsOf: directory.appendingPathComponent(array.file))
        let scalars = data.withUnsafeBytes { bytes in
            (0..<(data.count / 4)).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        return try Tensor(shape: array.shape, scalars: scalars)
    }
}
