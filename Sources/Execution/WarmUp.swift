import Outputs
import Cells
import Notebook
import Threads

/// The one-time costs of a process's first cell — swift-syntax's and the interpreter's type
/// metadata and protocol-conformance lookups, about a millisecond — paid on a helper thread while
/// the caller does its own start-up work (reading its arguments).
///
/// The sample touches only process-wide caches, never a notebook's results: a run is the same
/// with or without it, whichever thread gets there first.
public enum WarmUp {
    /// A small cell in the lessons' style: functions, loops, closures, a model, a claim.
    static let sample = """
        func area(_ side: Int) -> Int { side * side }
        var total = 0
        for i in 0..<3 where i != 1 { if i > 0 { total += area(i) } else { total -= 1 } }
        let names = ["a", "b"].map { $0 + "!" }.filter { $0.count > 1 }
        let x = Tensor.random([6, 6, 2], seed: 1)
        let model = Sequential(input: [6, 6, 2]) { Conv2D(filters: 2, kernel: 3); ReLU(); MaxPool2D(2); Flatten(); Dense(3) }
        let y = model(x)
        #expect(y.shape == [3] && total >= 0 && Double(total) == 3.0)
        print("\\(names) \\(model.parameterCount) \\(y.shape[0])")
        """

    /// Starts warming up on a helper thread and returns at once; does nothing when no thread can be had.
    public static func start() {
        _ = DetachedThread.start { run() }
    }

    /// Parses and runs the sample, returning what it printed and claimed.
    @discardableResult
    static func run() -> CellRun {
        Interpreter(file: "warm-up.md").run(CellProgram(source: sample, file: "warm-up.md", firstLine: 1))
    }
}
