import Foundation
import Testing

/// Training that does not stop by itself: the cell's timeout and the notebook's tensor budget stop
/// it with a located error, and the process's memory stays bounded while they do.
@Suite struct RunawayTrainingTests {
    static let setup = """
        # Runaway

        ```swift
        let split = Digits.load().split(testFraction: 0.2, seed: 0)
        let model = Sequential(input: [8, 8, 1], seed: 3) {
            Conv2D(filters: 16, kernel: 3, padding: .same); ReLU(); MaxPool2D(2); Flatten(); Dense(10)
        }
        ```

        """

    /// Fits for 100,000 epochs under a one-second timeout (line 11 of the notebook).
    static let endless = """
        ```swift
        //| timeout: 1
        model.fit(split.train, epochs: 100_000, batchSize: 32, optimizer: Adam(learningRate: 0.01), seed: 0)
        ```
        """

    /// A hand-written loop that keeps a gradient and a 64×64×64 tensor from every step.
    static let hoarding = """
        ```swift
        var kept: [Tensor] = []
        for step in 0..<1_000 {
            kept += gradient(at: model) { m in softmaxCrossEntropy(logits: m(split.train.images), labels: split.train.labels) }.tensors
            kept.append(Tensor.random([64, 64, 64], seed: step))
        }
        ```
        """

    @Test func timeoutAndTensorBudgetStopTrainingWithLocatedErrorsInBoundedMemory() throws {
        let folder = try Kernelbook.folder(["a.md": Self.setup + Self.endless, "b.md": Self.setup + Self.hoarding])
        let (status, stderr, peakMiB) = try Self.runMeasured(["check", folder + "/a.md", folder + "/b.md", "--no-cache"],
                                                             errorsTo: folder + "/stderr.txt")
        #expect(status == 1)
        #expect(stderr.hasPrefix(folder + "/a.md:11:1: error: cell ran past its timeout of 1 s\n"), "\(stderr)")
        #expect(stderr.contains("error: tensors alive in this notebook would hold "), "\(stderr)")
        #expect(stderr.contains(" elements, over the budget of 16,777,216\n"), "\(stderr)")
        let budgetLine = try #require(stderr.split(separator: "\n").first { $0.contains("over the budget") })
        #expect(budgetLine.hasPrefix(folder + "/b.md:12:") || budgetLine.hasPrefix(folder + "/b.md:13:"), "\(budgetLine)")
        #expect(stderr.hasSuffix("2 notebooks, 0 claims: 0 passed, 0 failed; 2 other errors\n"))
        // The budget is 64 MiB of tensors; with one result being made and the process itself, a
        // notebook stays well under 300 MiB (a debug build's own footprint included).
        print("peak resident memory of a check that trains past its budgets: \(String(format: "%.1f", peakMiB)) MiB")
        #expect(peakMiB < 300, "peak \(peakMiB) MiB")
    }

    /// Runs the tool with standard error to the file `errors`; its exit status, standard error and
    /// peak resident memory.
    static func runMeasured(_ arguments: [String], errorsTo errors: String) throws -> (Int32, String, Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([Kernelbook.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, Kernelbook.executable.path, &actions, nil, argv, envp) == 0 else {
            throw CocoaError(.executableLoad)
        }
        // The child's own high-water mark (VmHWM), read while it runs: wait4's ru_maxrss would count
        // this test process's, which a posix_spawned child inherits across exec.
        var status: Int32 = 0
        var peakKiB = 0.0
        while true {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Double(line.split(separator: " ").dropFirst().first ?? "") {
                peakKiB = max(peakKiB, kib)
            }
            let ended = waitpid(pid, &status, WNOHANG)
            if ended == pid || (ended < 0 && errno != EINTR) { break }
            usleep(5_000)
        }
        let text = String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self)
        return ((status >> 8) & 0xFF, text, peakKiB / 1024)
    }
}
