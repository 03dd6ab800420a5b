import Foundation
import Testing
import Kernels
import FixtureSupport

/// The expected values come from an independent Python implementation of SplitMix64 and
/// xoshiro256** (`Fixtures/make_fixtures.py`); they pin the sequence forever.
@Suite struct SeededGeneratorTests {
    @Test(arguments: [
        (UInt64(42), [UInt64(0x1578_0b2e_0c2e_c716), 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1]),
        (UInt64(0), [UInt64(0x99ec_5f36_cb75_f2b4), 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0]),
    ])
    func theBitSequenceIsFixedForever(seed: UInt64, expected: [UInt64]) {
        var generator = SeededGenerator(seed: seed)
        #expect((0..<3).map { _ in generator.next() } == expected)
    }

    @Test func uniformFloatsAreTheTop24Bits() {
        var generator = SeededGenerator(seed: 42)
        let values = (0..<4).map { _ in generator.nextUniform() }
        #expect(values == [0.08386296033859253, 0.37898021936416626, 0.6800433993339539, 0.9246929287910461])
    }

    @Test func normalPairsFollowThePolarMethod() {
        var generator = SeededGenerator(seed: 7)
        let (a, b) = generator.nextNormalPair()
        let (c, d) = generator.nextNormalPair()
        #expect([a, b, c, d] == [0.964361846446991, -1.0637532472610474, -0.3039301335811615, -1.0989693403244019])
    }
}

/// Longer sequences from the independent Python implementation in `Fixtures/random.json`.
@Suite struct SeededGeneratorFixtureTests {
    struct Sequence: Decodable, Sendable, CustomTestStringConvertible {
        let seed: String, bits: [String], uniforms: [Float], normals: [Float]
        var testDescription: String { "seed \(seed)" }
    }

    static let sequences: [Sequence] = {
        let url = Fixture.directory.appendingPathComponent("random.json")
        return try! JSONDecoder().decode([Sequence].self, from: Data(contentsOf: url))
    }()

    @Test(arguments: sequences)
    func theGeneratorMatchesTheIndependentImplementation(_ sequence: Sequence) throws {
        let seed = try #require(UInt64(sequence.seed))
        var bits = SeededGenerator(seed: seed)
        #expect(sequence.bits.map { UInt64($0)! } == (0..<sequence.bits.count).map { _ in bits.next() })
        #expect(try Tensor.random([sequence.uniforms.count], seed: seed).scalars == sequence.uniforms)
        #expect(try Tensor.randomNormal([sequence.normals.count], seed: seed).scalars == sequence.normals)
    }
}
