import Testing
import Kernels
import Layers

/// ReLU, ReLU6, LeakyReLU, Sigmoid, Tanh and Softmax: element-wise layers without parameters.
@Suite struct ActivationTests {
    @Test("each activation on hand-picked values", arguments: [
        (Recipe { ReLU() as any Layer }, [-1, 0, 2], [0, 0, 2]),
        (Recipe { ReLU6() }, [-1, 3, 7], [0, 3, 6]),
        (Recipe { LeakyReLU() }, [-10, 5], [-3, 5]),
        (Recipe { LeakyReLU(0.1) }, [-10, 5], [-1, 5]),
        (Recipe { Sigmoid() }, [0], [0.5]),
        (Recipe { Tanh() }, [0], [0]),
        (Recipe { Softmax() }, [1, 1, 1, 1], [0.25, 0.25, 0.25, 0.25]),
    ] as [(Recipe<any Layer>, [Float], [Float])])
    func values(_ make: Recipe<any Layer>, _ input: [Float], _ output: [Float]) throws {
        let layer = try make()
        #expect(isClose(try layer(Tensor(input)), Tensor(output), tolerance: 1e-6))
        #expect(try layer.outputShape(for: [7, 7, 3]) == [7, 7, 3])
        #expect(try layer.parameterCount == 0)
    }

    @Test("descriptions", arguments: [
        (Recipe { ReLU() as any Layer }, "ReLU()"), (Recipe { ReLU6() }, "ReLU6()"),
        (Recipe { LeakyReLU() }, "LeakyReLU(0.3)"), (Recipe { LeakyReLU(0.01) }, "LeakyReLU(0.01)"),
        (Recipe { Sigmoid() }, "Sigmoid()"), (Recipe { Tanh() }, "Tanh()"), (Recipe { Softmax() }, "Softmax()"),
    ] as [(Recipe<any Layer>, String)])
    func descriptions(_ make: Recipe<any Layer>, _ text: String) throws {
        #expect(try make().description == text)
    }

    @Test func softmaxNormalisesEachRowOfABatch() throws {
        // e^0 : e^(ln 3) = 1 : 3, with ln 3 = 1.0986123 to Float precision.
        let rows = try Softmax()(Tensor([[0, 1.0986123], [5, 5]]))
        #expect(isClose(rows, try Tensor([[0.25, 0.75], [0.5, 0.5]]), tolerance: 1e-6))
    }

    @Test func softmaxNeedsAnAxis() {
        #expect(throws: LayersError("Softmax: needs an axis to normalise, but got a scalar []")) {
            try Softmax().outputShape(for: [])
        }
    }
}
