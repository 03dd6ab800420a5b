#if FUZZING
// Built by `make fuzz` with -sanitize=fuzzer,address: libFuzzer calls `fuzzOneInput` for every
// input, and FUZZ_TARGET names the entry point.
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) let target: FuzzTarget = {
    guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        fatalError("set FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    target.run(UnsafeRawBufferPointer(start: start, count: count))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafeRawPointer?, Int) -> CInt) -> CInt

// SwiftPM links an executable with `main` renamed to this symbol; it hands over to libFuzzer.
@_cdecl("kernelbook_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzOneInput($0, $1) }
}
#endif
