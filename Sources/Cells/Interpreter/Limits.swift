/// The bounds a notebook runs within, so that no cell can hang, exhaust memory or overflow the
/// stack: each bound hit is a located error.
public struct Limits: Sendable, Hashable {
    /// Statements, loop iterations and calls one cell may execute.
    public var steps: Int
    /// Calls of cell functions and closures that may be active at once.
    public var recursionDepth: Int
    /// Elements one array may hold.
    public var arrayElements: Int
    /// UTF-8 bytes one string may hold.
    public var stringBytes: Int
    /// Tensor elements all values of the notebook may hold at once (the default: 64 MiB of
    /// `Float`, one largest tensor), so that with one result being made and the process itself
    /// a notebook stays well under 200 MB.
    public var liveTensorElements: Int

    /// Creates limits; the defaults stop `while true {}` in well under a second (release build).
    public init(steps: Int = 5_000_000, recursionDepth: Int = 1_000, arrayElements: Int = 1 << 20,
                stringBytes: Int = 1 << 20, liveTensorElements: Int = 1 << 24) {
        self.steps = steps
        self.recursionDepth = recursionDepth
        self.arrayElements = arrayElements
        self.stringBytes = stringBytes
        self.liveTensorElements = liveTensorElements
    }
}
