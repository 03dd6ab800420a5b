import Testing
@testable import Cells
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LimitsTests {
    /// The three runaway cells of the brief: each ends with a located error within its timeout,
    /// and the process stays far from exhausting memory.
    static let runaways: [(String, String)] = [
        ("1️⃣while true {}", "cell exceeded its budget of 5000000 steps"),
        ("let big = 1️⃣Tensor.zeros([100000, 100000, 3])",
         "a tensor of shape [100000, 100000, 3] has 30000000000 elements; the limit is 16777216"),
        ("func down(_ n: Int) -> Int { 1️⃣down(n + 1) }\ndown(0)", "recursion deeper than 1000 calls"),
    ]

    @Test(arguments: runaways)
    func aRunawayCellEndsWithALocatedErrorWithinItsTimeout(_ source: String, _ message: String) {
        let clock = ContinuousClock()
        let start = clock.now
        assertDiagnostics(source, ["1️⃣": message], timeout: .seconds(30))
        #expect(clock.now - start < .seconds(30))
    }

    /// The peak memory of a process running only the runaway cell: this test binary run again
    /// with `runawayProbe` selected, which runs the cell given in the environment.
    @Test(arguments: runaways.indices)
    func aRunawayCellPeaksUnder200MB(_ index: Int) throws {
        #if os(Linux)
        var path = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &path, path.count - 1)
        try #require(length > 0)
        let binary = String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let command = "CELLS_RUNAWAY_CASE=\(index) '\(binary)' --testing-library swift-testing --filter runawayProbe 2>&1"
        guard let pipe = popen(command, "r") else {
            Issue.record("cannot run \(command)")
            return
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, pipe)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        pclose(pipe)
        let output = String(decoding: bytes, as: UTF8.self)
        let report = output.split(separator: "\n").first { $0.hasPrefix("PROBE ") }
        let peak = report.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        #expect(report?.contains(Self.runaways[index].1) == true, "\(output)")
        #expect((peak ?? .max) < 200 << 20, "peak resident memory \((peak ?? 0) >> 20) MB")
        #endif
    }

    /// Runs the runaway cell named by `CELLS_RUNAWAY_CASE` and prints the process's peak memory;
    /// does nothing in an ordinary test run.
    @Test func runawayProbe() {
        guard let variable = getenv("CELLS_RUNAWAY_CASE"), let index = Int(String(cString: variable)),
              Self.runaways.indices.contains(index) else { return }
        let cell = MarkedSource(Self.runaways[index].0)
        let run = Interpreter(file: "probe.md").run(CellProgram(source: cell.text, file: "probe.md", firstLine: 1))
        let message = if case .failed(let diagnostic) = run.status { diagnostic.message } else { "no error" }
        print("PROBE \(Self.peakResidentBytes() ?? -1) \(message)")
    }

    @Test func aCellPastItsTimeoutStopsAtTheLineRunning() {
        assertDiagnostics("var i = 0\n1️⃣while true { i += 1 }", ["1️⃣": "cell ran past its timeout of 0.2 s"],
                          timeout: .milliseconds(200))
    }

    @Test func theStepBudgetCountsLoopIterationsAndCalls() {
        let limits = Limits(steps: 1_000)
        assertDiagnostics("var n = 0\n1️⃣for i in 0..<5000 { n += i }", ["1️⃣": "cell exceeded its budget of 1000 steps"],
                          limits: limits)
        var notebook = Notebook(limits: limits)
        #expect(notebook.run("var n = 0\nfor i in 0..<100 { n += i }").status == .completed)
        // Each cell has the whole budget.
        #expect(notebook.run("for i in 0..<100 { n += i }").status == .completed)
    }

    @Test func recursionAsDeepAsTheLimitWorks() {
        var notebook = Notebook()
        #expect(notebook.transcript("func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }\ndepth(999)") == "= 999")
    }

    @Test func mutualRecursionThroughClosuresIsCounted() {
        assertDiagnostics("""
            func ping(_ n: Int) -> Int { 1️⃣[n].map { pong($0) }[0] }
            func pong(_ n: Int) -> Int { ping(n + 1) }
            ping(0)
            """, ["1️⃣": "recursion deeper than 1000 calls"])
    }

    @Test func arraysAndStringsHaveBudgets() {
        assertDiagnostics("var a: [Int] = []\nwhile true { 1️⃣a.append(1) }",
                          ["1️⃣": "an array of 1001 elements exceeds the budget of 1000"], limits: Limits(arrayElements: 1000))
        assertDiagnostics("let a = 1️⃣Array(repeating: 0, count: 2000000)",
                          ["1️⃣": "an array of 2000000 elements exceeds the budget of 1048576"])
        assertDiagnostics("let a = 1️⃣(0..<10000000).map { $0 }",
                          ["1️⃣": "an array of 10000000 elements exceeds the budget of 1048576"])
        assertDiagnostics("var s = \"ab\"\nwhile true { s = 1️⃣s + s }",
                          ["1️⃣": "a string of 2097152 bytes exceeds the budget of 1048576"])
    }

    @Test func tensorsKeptAliveCountAgainstTheNotebooksBudget() {
        let limits = Limits(liveTensorElements: 1_000)
        assertDiagnostics("""
            var kept: [Tensor] = []
            for i in 0..<10 { kept.append(1️⃣Tensor.zeros([10, 20])) }
            """, ["1️⃣": "tensors alive in this notebook would hold 1,200 elements, over the budget of 1,000"],
            limits: limits)
        // Temporaries are released as they go: the same work without keeping them fits.
        var notebook = Notebook(limits: limits)
        #expect(notebook.run("for i in 0..<100 { let t = Tensor.zeros([10, 20]) + 1 }").status == .completed)
    }

    /// The process's peak resident memory, from Linux's `/proc`.
    static func peakResidentBytes() -> Int? {
        #if os(Linux)
        guard let file = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.filter(\.isNumber)).map { $0 * 1024 }
        }
        #endif
        return nil
    }
}
