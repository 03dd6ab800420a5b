import Foundation
import Testing

@Suite struct CellCacheTests {
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Notebooks").path

    @Test func cachedAndUncachedBuildsOfEveryLessonGiveByteIdenticalSites() throws {
        let folder = try Kernelbook.folder([:])
        for (site, arguments) in [("uncached", ["--no-cache"]), ("cold", []), ("warm", [])] {
            let result = try Kernelbook.run(["build", Self.notebooks, "-o", site] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            if site == "uncached" {
                #expect(!FileManager.default.fileExists(atPath: folder + "/.kernelbook-cache"))
            }
        }
        let uncached = Kernelbook.snapshot(of: folder + "/uncached")
        #expect(!uncached.isEmpty)
        #expect(Kernelbook.snapshot(of: folder + "/cold") == uncached)
        #expect(Kernelbook.snapshot(of: folder + "/warm") == uncached)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/.kernelbook-cache").count == 3)
    }

    /// `render` and `export` run through the cache as `build` does, and what they write is the same.
    @Test(arguments: [("render", "page.html"), ("export", "a.ipynb")])
    func singleFileCommandsUseTheCacheAndWriteTheSameFile(command: String, output: String) throws {
        let folder = try Kernelbook.folder(["a.md": "# A\n\n```swift\nlet x = Tensor.random([4, 4, 1], seed: 1)\nx.sum()\n```\n"])
        var written: [String] = []
        for arguments in [["--no-cache"], [], []] {
            let result = try Kernelbook.run([command, "a.md", "-o", output] + arguments, in: folder)
            #expect(result.status == 0 && result.stderr == "", "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder + "/.kernelbook-cache") == (written.count > 0))
            written.append(try String(contentsOfFile: folder + "/" + output, encoding: .utf8))
        }
        #expect(Set(written).count == 1)
    }

    @Test func aCorruptCacheFileIsAWarningAndTheCheckStillHolds() throws {
        let folder = try Kernelbook.folder(["a.md": "# A\n\n```swift\nlet n = 2\n#expect(n == 2)\n```\n"])
        #expect(try Kernelbook.run(["check", "a.md"], in: folder).status == 0)
        let cache = folder + "/.kernelbook-cache"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: "\(cache)/\(file)"))
        let result = try Kernelbook.run(["check", "a.md"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: ignoring the cache file '.kernelbook-cache/\(file)'"), "\(result.stderr)")
        #expect(try Kernelbook.run(["check", "a.md"], in: folder).stderr == "1 notebook, 1 claim: 1 passed, 0 failed\n")
    }

    /// A cache file cut short, rewritten by another notebook, or written by another build of the
    /// tool: the cells rerun, a warning says why, and the file is written afresh.
    @Test(arguments: ["truncated", "another notebook", "another build"])
    func aCacheFileThatCannotBeTrustedRerunsTheCellsWithAWarning(damage: String) throws {
        let folder = try Kernelbook.folder([
            "a.md": "# A\n\n```swift\nlet n = 2\n#expect(n == 2)\n```\n",
            "b.md": "# B\n\n```swift\nlet m = 3\n#expect(m == 3)\n```\n",
        ])
        #expect(try Kernelbook.run(["check", "a.md", "b.md"], in: folder).status == 0)
        let cache = folder + "/.kernelbook-cache"
        let files = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".json") }
        let owner = { (name: String) in
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(cache)/\(name)")), as: UTF8.self)
        }
        let fileOfA = try #require(try files.first { try owner($0).contains("\"a.md\"") })
        let fileOfB = try #require(try files.first { try owner($0).contains("\"b.md\"") })
        let text = try owner(fileOfA)
        let damaged: String = switch damage {
        case "truncated": String(text.prefix(text.count / 2))
        case "another notebook": try owner(fileOfB)
        default: try #require(text.firstRange(of: #/"tool" *: *"[^"]*"/#).map { text.replacingCharacters(in: $0, with: "\"tool\":\"0.0.0 elsewhere\"") })
        }
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: "\(cache)/\(fileOfA)"))
        let result = try Kernelbook.run(["check", "a.md"], in: folder)
        #expect(result.status == 0)
        let why = damage == "another build" ? "not reusing the cache file '.kernelbook-cache/\(fileOfA)': another build of kernelbook wrote it"
            : damage == "truncated" ? "ignoring the cache file '.kernelbook-cache/\(fileOfA)': it is not a cache file this tool can read"
            : "ignoring the cache file '.kernelbook-cache/\(fileOfA)': it belongs to another notebook or another format"
        #expect(result.stderr.hasPrefix("warning: \(why)\n"), "\(result.stderr)")
        // The cell ran again and its result replaced the file: the next check reads it without a word.
        let json = { (text: String) in try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary }
        #expect(try json(owner(fileOfA)) == json(text))
        #expect(try Kernelbook.run(["check", "a.md"], in: folder).stderr == "1 notebook, 1 claim: 1 passed, 0 failed\n")
    }
}
