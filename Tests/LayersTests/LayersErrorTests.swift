import Testing
import Layers

@Suite struct LayersErrorTests {
    @Test func aPlainErrorIsItsMessage() {
        let error = LayersError("something is wrong")
        #expect(error.message == "something is wrong")
        #expect(error.description == "something is wrong")
    }

    @Test func errorsWithTheSameTextAreEqual() throws {
        let thrown = #expect(throws: LayersError.self) { try Dense(0) }
        #expect(thrown == LayersError("Dense: 'units' must be at least 1, not 0"))
        #expect(thrown != LayersError("Dense: 'units' must be at least 1, not 1"))
    }

    @Test func aKernelErrorIsPassedOnUnderTheLayersName() throws {
        // VGG-16's first dense layer is counted without allocating, but its weights exceed the
        // kernels' element budget when drawn.
        let dense = try Dense(4096)
        _ = try Sequential(input: [25_088]) { dense }
        #expect(try dense.parameterCount == 102_764_544)
        #expect(throws: LayersError("Dense: a tensor of shape [25088, 4096] has 102760448 elements; the limit is 16777216")) {
            try dense.weights
        }
    }
}
