@testable import Datasets
import Foundation
import Kernels
import Testing

@Suite struct DigitsTests {
    static let folder = Fixtures.root.appendingPathComponent("Data/digits")

    @Test func thePayloadHasTheSHA256TheReadmeStates() throws {
        let readme = try String(contentsOf: Self.folder.appendingPathComponent("README.md"), encoding: .utf8)
        let stated = try #require(readme.firstMatch(of: /SHA-256 of the decompressed payload:\s*```\s*([0-9a-f]{64})/)?.1)
        #expect(try sha256(Digits.payload()) == String(stated))
    }

    @Test func theCompiledInBytesAreDataDigitsDigitsBinGz() throws {
        let file = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("digits.bin.gz")))
        #expect(Digits.compressed == file)
    }

    /// `Sources/CDigits/digits.c` is what `make_digits_c.py` writes from the committed data today.
    @Test func theGeneratedSourceIsCurrent() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources/CDigits")
        try withTemporaryFolder { folder in
            let output = folder + "/digits.c"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", sources.appendingPathComponent("make_digits_c.py").path, "--output", output]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "make_digits_c.py failed")
            let fresh = try Data(contentsOf: URL(fileURLWithPath: output))
            let committed = try Data(contentsOf: sources.appendingPathComponent("digits.c"))
            #expect(fresh == committed, "run python3 Sources/CDigits/make_digits_c.py")
        }
    }

    @Test func imagesAreNHWCWithPixelsInSixteenths() throws {
        let digits = try Digits.load()
        #expect(digits.images.shape == [1797, 8, 8, 1])
        #expect(digits.count == Digits.count)
        #expect(digits.images.scalars.allSatisfy { ($0 * 16).rounded() == $0 * 16 && (0...1).contains($0) })
        #expect(digits.images.scalars.min() == 0 && digits.images.scalars.max() == 1)
    }

    /// Per-class counts as the README (and scikit-learn's `np.bincount(load_digits().target)`) give them.
    @Test func classCountsAreScikitLearns() throws {
        let labels = try Digits.load().labels
        let counts = (0..<10).map { label in labels.count { $0 == label } }
        #expect(counts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }

    /// `load_digits().images[0]`, `images[1796]` and the first and last labels, printed by scikit-learn 1.9.1.
    @Test func firstAndLastImagesAreScikitLearns() throws {
        let digits = try Digits.load()
        let first: [[Float]] = [[0, 0, 5, 13, 9, 1, 0, 0], [0, 0, 13, 15, 10, 15, 5, 0], [0, 3, 15, 2, 0, 11, 8, 0],
                                [0, 4, 12, 0, 0, 8, 8, 0], [0, 5, 8, 0, 0, 9, 8, 0], [0, 4, 11, 0, 1, 12, 7, 0],
                                [0, 2, 14, 5, 10, 12, 0, 0], [0, 0, 6, 13, 10, 0, 0, 0]]
        let last: [[Float]] = [[0, 0, 10, 14, 8, 1, 0, 0], [0, 2, 16, 14, 6, 1, 0, 0], [0, 0, 15, 15, 8, 15, 0, 0],
                               [0, 0, 5, 16, 16, 10, 0, 0], [0, 0, 12, 15, 15, 12, 0, 0], [0, 4, 16, 6, 4, 16, 6, 0],
                               [0, 8, 16, 10, 8, 16, 8, 0], [0, 1, 8, 12, 14, 12, 1, 0]]
        #expect(Array(digits.images.scalars[..<64]) == first.joined().map { $0 / 16 })
        #expect(Array(digits.images.scalars[(1796 * 64)...]) == last.joined().map { $0 / 16 })
        #expect(Array(digits.labels.prefix(20)) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(Array(digits.labels.suffix(5)) == [9, 0, 8, 9, 8])
    }
}

/// SHA-256 by coreutils' `sha256sum`, an implementation independent of this project.
func sha256(_ bytes: [UInt8]) throws -> String {
    try withTemporaryFolder { folder in
        let path = try write(bytes, named: "payload", in: folder)
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
