#if FUZZING
// Built by `make fuzz` with -sanitize=fuzzer,address: libFuzzer's main calls this for every input,
// and FUZZ_TARGET names the entry point.
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
#endif
