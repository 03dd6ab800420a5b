import Foundation
import Testing

/// The lessons in `Notebooks/` as a user meets them: every claim holds, a broken claim is caught
/// at its line, and the site they make is the same byte for byte every time.
@Suite struct LessonTests {
    static let notebooks = PageScreenshotTests.repository + "/Notebooks"

    @Test func everyLessonChecksClean() throws {
        let result = try Kernelbook.run(["check", Self.notebooks])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(" 0 failed\n"))
    }

    @Test(arguments: [
        ("#expect(maps.shape == [30, 30, 16])", "#expect(maps.shape == [31, 30, 16])"),
        ("`#expect(conv.parameterCount == 3 * 3 * 3 * 16 + 16)`", "`#expect(conv.parameterCount == 3 * 3 * 3 * 16 + 17)`"),
        ("#expect(changed == 9)", "#expect(changed == 8)"),
    ])
    func changingANumberInAClaimFailsAtItsLine(original: String, broken: String) throws {
        let lesson = try String(contentsOfFile: Self.notebooks + "/day03-cnn.md", encoding: .utf8)
        let range = try #require(lesson.range(of: original), "the lesson no longer says \(original)")
        let line = lesson[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let column = lesson[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last!.utf8.count
            + (original.hasPrefix("`") ? 1 : 0) + "#expect(".utf8.count + 1
        let folder = try Kernelbook.folder(["day03-cnn.md": lesson.replacingCharacters(in: range, with: broken)])
        let result = try Kernelbook.run(["check", "day03-cnn.md"], in: folder)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("day03-cnn.md:\(line):\(column): error: expectation failed: ") == true, "\(errors)")
        #expect(result.stderr.hasSuffix("1 failed\n"))
    }

    @Test func twoBuildsOfTheSiteAreByteIdentical() throws {
        let folder = try Kernelbook.folder([:])
        #expect(try Kernelbook.run(["build", Self.notebooks, "-o", folder + "/a"]).status == 0)
        #expect(try Kernelbook.run(["build", Self.notebooks, "-o", folder + "/b"]).status == 0)
        let a = Kernelbook.snapshot(of: folder + "/a"), b = Kernelbook.snapshot(of: folder + "/b")
        #expect(a.count >= 5)
        #expect(a == b)
    }
}
