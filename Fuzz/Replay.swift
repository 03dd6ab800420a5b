#if !FUZZING
// Built normally: `kernelbook-fuzz TARGET FILE…` replays inputs (a crash the fuzzer saved, say)
// through one entry point without libFuzzer. Built by `make fuzz`, libFuzzer's main runs instead.
import Foundation

/// Replays saved inputs through one fuzz target.
@main enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: kernelbook-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…")
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                exit(2)
            }
            data.withUnsafeBytes { target.run($0) }
            print("\(path): ok")
        }
    }
}
#endif
