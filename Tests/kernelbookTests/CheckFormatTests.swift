import Foundation
import Testing
import TestSupport

/// `kernelbook check --format junit` read by a JUnit schema, and `check --shard i/n`.
@Suite struct CheckFormatTests {
    static let schema = Interop.repository + "/Tests/kernelbookTests/Fixtures/junit-10.xsd"

    static let mixed = """
        # Mixed <&> "quotes"

        ```swift
        //| label: conv
        let conv = Conv2D(filters: 16, kernel: 3, padding: .same)
        let y = conv(Tensor.zeros([32, 32, 3]))
        #expect(y.shape == [30, 30, 16])
        #expect(conv.parameterCount == 448)
        #expect(conv.parameterCount < 500 && "<&>" != "")
        ```

        ```swift
        let z = missing
        ```

        It has `\\(conv.parameterCount)` parameters: `#expect(conv.parameterCount < 400)`.
        """

    static func validate(_ xml: String) throws -> (status: Int32, output: String) {
        let file = try Kernelbook.folder(["report.xml": xml]) + "/report.xml"
        return try Interop.runScript("validate_junit.py", [Self.schema, file])
    }

    @Test func theJUnitReportOfTheLessonsIsValidAgainstTheJenkinsSchema() throws {
        let result = try Kernelbook.run(["check", LessonTests.notebooks, "--format", "junit"])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "<testsuite ").count - 1 == 3)
        let check = try Self.validate(result.stdout)
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    }

    @Test func failuresAndErrorsAreTestCasesWithTheirPlaceInTheMessage() throws {
        let folder = try Kernelbook.folder(["mixed.md": Self.mixed])
        let result = try Kernelbook.run(["check", "mixed.md", "--format", "junit"], in: folder)
        #expect(result.status == 1)
        let xml = result.stdout.replacing(/\ time="[0-9.]+"/, with: "")
        assertSnapshot(xml, named: "check-mixed.junit.xml")
        let check = try Self.validate(result.stdout)
        #expect(check.status == 0 && check.output == "ok\n", "\(check.output)")
    }

    @Test func theValidatorRejectsAReportTheSchemaDoesNot() throws {
        let check = try Self.validate("<testsuites><testsuite name=\"a\"><testcase/></testsuite></testsuites>")
        #expect(check.status == 1)
        #expect(check.output.hasPrefix("invalid:"))
    }

    static let sizes = [("a.md", 9000), ("b.md", 7000), ("c.md", 6000), ("d.md", 5000), ("e.md", 4000), ("f.md", 1000)]

    static func book() throws -> String {
        var files: [String: String] = [:]
        for (name, size) in sizes {
            let text = "# \(name)\n\n```swift\n#expect(1 + 1 == 2)\n```\n\n"
            files["Notebooks/\(name)"] = text + String(repeating: "x", count: size - text.utf8.count) + "\n"
        }
        return try Kernelbook.folder(files)
    }

    static func checked(_ result: CommandResult) -> [String] {
        result.stdout.matches(of: /<testsuite name="Notebooks\/([a-z]+\.md)"/).map { String($0.output.1) }
    }

    @Test(arguments: [1, 2, 3, 4, 7])
    func theShardsTogetherCheckEachNotebookOnce(count: Int) throws {
        let folder = try Self.book()
        var all: [String] = []
        for index in 1...count {
            let result = try Kernelbook.run(["check", "Notebooks", "Notebooks/a.md", "--shard", "\(index)/\(count)", "--format", "junit"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("shard \(index)/\(count): \(Self.checked(result).count) of 6 notebooks\n"))
            #expect(try Kernelbook.run(["check", "Notebooks", "--shard", "\(index)/\(count)", "--format", "junit"], in: folder).stdout
                .replacing(/\ time="[0-9.]+"/, with: "") == result.stdout.replacing(/\ time="[0-9.]+"/, with: ""))
            all += Self.checked(result)
        }
        #expect(all.sorted() == Self.sizes.map(\.0))
    }

    /// Longest first: 9000 | 7000 | 6000, then 5000 to the third, 4000 to the second, 1000 to the first.
    @Test func shardsAreBalancedBySize() throws {
        let folder = try Self.book()
        var shards: [[String]] = []
        for index in 1...3 {
            shards.append(Self.checked(try Kernelbook.run(["check", "Notebooks", "--shard", "\(index)/3", "--format", "junit"], in: folder)))
        }
        #expect(shards == [["a.md", "f.md"], ["b.md", "e.md"], ["c.md", "d.md"]])
    }

    /// A whole-book check records each notebook's run time in the cache; shards then balance by
    /// those times, and still check each notebook once.
    @Test func aWholeCheckRecordsRunTimesThatShardsBalanceBy() throws {
        let folder = try Self.book()
        #expect(try Kernelbook.run(["check", "Notebooks"], in: folder).status == 0)
        let recorded = try FileManager.default.contentsOfDirectory(atPath: folder + "/.kernelbook-cache").filter { $0.hasSuffix(".seconds") }
        #expect(recorded.count == 6)
        // A sharded run only reads them: the next shard sees the same weights.
        let first = Self.checked(try Kernelbook.run(["check", "Notebooks", "--shard", "1/2", "--format", "junit"], in: folder))
        let second = Self.checked(try Kernelbook.run(["check", "Notebooks", "--shard", "2/2", "--format", "junit"], in: folder))
        #expect((first + second).sorted() == Self.sizes.map(\.0))
    }

    @Test(arguments: ["3/2", "0/4", "x/y", "1/0", "-1/2", "1/2/3", "1/", "/2", " 1/2"])
    func aShardThatIsNotIOfNIsAUsageError(spec: String) throws {
        let result = try Kernelbook.run(["check", LessonTests.notebooks, "--shard=\(spec)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'\(spec)' is not a shard: give i/n with whole numbers 1 ≤ i ≤ n, such as 2/4"))
    }
}
