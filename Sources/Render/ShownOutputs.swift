import Notebook
import Outputs

/// One output as a reader sees it, with how many times in a row the cell produced it.
struct ShownOutput {
    /// The output.
    var output: CellOutput
    /// How many identical outputs in a row it stands for (a claim checked in a loop): 1 or more.
    var repeats: Int
}

/// What a cell shows, in HTML and in the terminal alike.
enum ShownOutputs {
    /// The outputs of `result` that `options` show (all, or only failures under `output: false`),
    /// with a passing claim that a loop repeats in a row shown once with its count.
    static func of(_ result: ExecutedCell, options: CellOptions) -> [ShownOutput] {
        var shown: [ShownOutput] = []
        for output in result.outputs where options.output || output.isFailure {
            if case .claim(let claim) = output, claim.passed, let last = shown.last, last.output == output {
                shown[shown.count - 1].repeats += 1
            } else {
                shown.append(ShownOutput(output: output, repeats: 1))
            }
        }
        return shown
    }
}
