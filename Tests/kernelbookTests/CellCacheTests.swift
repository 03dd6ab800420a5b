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
}
