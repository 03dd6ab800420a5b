import Testing
@testable import Cells
import Outputs

/// Random token soups and truncated cells, over many seeds: nothing may crash, hang or leave
/// an error unlocated.
@Suite struct RobustnessTests {
    /// Pieces of the language and of Swift beyond it, glued at random.
    static let vocabulary: [String] = [
        "let", "var", "func", "if", "else", "for", "in", "while", "return", "break", "continue", "guard", "true",
        "false", "nil", "struct", "_", "where", "x", "y", "t", "conv", "model", "a", "f", "$0", "$1", "Tensor",
        "Conv2D", "Sequential", "Residual", "ReLU", "Dense", "MaxPool2D", "relu", "conv2d", "print", "map",
        "filter", "reduce", "shape", "count", "zeros", "random", "weights", "0", "1", "3", "32", "-1", "2.5",
        "1e9", "9223372036854775807", "\"s\"", "\"\\(x)\"", "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=",
        "&&", "||", "!", "..<", "...", "=", "+=", "?", ":", ".", ",", "->", "(", ")", "[", "]", "{", "}",
        "#expect", "#require", "#summary", "#show", "filters:", "kernel:", "input:", "seed:", "by:",
        "channels:", "\n", ";", "//| echo: false\n", "/*", "*/", "`", "@", "#", "\\",
    ]

    static let setup = """
        var x = 3
        let t = Tensor.random([4, 4, 2], seed: 1)
        let conv = Conv2D(filters: 2, kernel: 3)
        let model = Sequential(input: [8, 8, 2]) { Conv2D(filters: 2, kernel: 3); ReLU(); Flatten(); Dense(3) }
        var a = [1, 2, 3]
        func f(_ n: Int) -> Int { n < 1 ? 0 : f(n - 1) + 1 }
        """

    static let limits = Limits(steps: 20_000, recursionDepth: 100, arrayElements: 10_000, stringBytes: 100_000,
                               liveTensorElements: 1 << 20)

    /// SplitMix64: a fixed, seeded generator, so every run of the test sees the same soups.
    struct Generator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<8)
    func randomTokenSoupsNeverCrash(batch: Int) {
        let interpreter = Interpreter(file: "soup.md", limits: Self.limits)
        #expect(interpreter.run(CellProgram(source: Self.setup, file: "soup.md", firstLine: 1)).status == .completed)
        var generator = Generator(state: UInt64(batch))
        for index in 0..<50 {
            let count = Int.random(in: 1...40, using: &generator)
            let soup = (0..<count).map { _ in Self.vocabulary.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
            check(soup, in: interpreter, firstLine: 10 + index * 50)
        }
    }

    /// A lesson-like cell cut after every few characters.
    static let lesson = """
        //| label: model
        func block(_ filters: Int) -> [Layer] {
            [Conv2D(filters: filters, kernel: 3, padding: .same), ReLU()]
        }
        let net = Sequential(input: [8, 8, 2]) {
            for f in [2, 4] { block(f) }
            MaxPool2D(2)
            Flatten()
            Dense(3, seed: 7)
        }
        let y = net(Tensor.random([8, 8, 2], seed: 3))
        #expect(y.shape == [3] && net.parameterCount > 0)
        var total = 0
        for i in stride(from: 0, to: 10, by: 2) where i != 4 { total += i * i }
        print("total \\(total), mean \\(y.mean())")
        #summary(net)
        #show(t, channels: 0..<2)
        """

    @Test func truncatedCellsNeverCrash() {
        let interpreter = Interpreter(file: "cut.md", limits: Self.limits)
        #expect(interpreter.run(CellProgram(source: Self.setup, file: "cut.md", firstLine: 1)).status == .completed)
        let characters = Array(Self.lesson)
        for end in stride(from: 0, through: characters.count, by: 4) {
            check(String(characters[..<end]), in: interpreter, firstLine: 20)
        }
        #expect(interpreter.run(CellProgram(source: Self.lesson, file: "cut.md", firstLine: 20)).status == .completed)
    }

    /// Parses, runs, highlights and evaluates inline the code; every error must point into the cell.
    private func check(_ source: String, in interpreter: Interpreter, firstLine: Int) {
        let program = CellProgram(source: source, file: "soup.md", firstLine: firstLine)
        let lastLine = firstLine + source.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) }
        let run = interpreter.run(program, timeout: .seconds(2))
        for case .diagnostic(let diagnostic) in run.outputs {
            #expect(!diagnostic.message.isEmpty)
            #expect((firstLine...lastLine).contains(diagnostic.location.line),
                    "\(diagnostic) outside lines \(firstLine)...\(lastLine) of \(source.debugDescription)")
            #expect(!diagnostic.message.hasPrefix("internal error"), "\(diagnostic) for \(source.debugDescription)")
        }
        #expect(highlight(source).map(\.text).joined() == source)
        let at = Outputs.SourceLocation(file: "soup.md", line: firstLine, column: 5)
        if case .failure(let diagnostic) = interpreter.evaluateInline("\\(\(source))", at: at) {
            #expect(diagnostic.location.line >= firstLine)
        }
    }
}
