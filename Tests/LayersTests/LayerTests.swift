import Testing
import Kernels
import Layers

/// What every layer gets from `Layer`'s extensions: calls, batches, shapes and warnings.
@Suite struct LayerTests {
    @Test("the rank decides whether the first axis is a batch", arguments: [
        (Recipe { try Conv2D(filters: 2, kernel: 1) as any Layer }, [4, 4, 3], [4, 4, 2]),
        (Recipe { try Conv2D(filters: 2, kernel: 1) }, [5, 4, 4, 3], [5, 4, 4, 2]),
        (Recipe { try Dense(2) }, [3], [2]),
        (Recipe { try Dense(2) }, [5, 3], [5, 2]),
        (Recipe { ReLU() }, [5, 4, 4, 3], [5, 4, 4, 3]),
    ] as [(Recipe<any Layer>, [Int], [Int])])
    func batches(_ make: Recipe<any Layer>, _ input: [Int], _ output: [Int]) throws {
        // Swift 6.3.1's SILGen crashes on `try make()(x)`: call the layer through a name.
        let layer = try make()
        #expect(try layer(Tensor.zeros(input)).shape == output)
    }

    @Test func aCallChecksTheShapeBeforeComputing() throws {
        let conv = try Conv2D(filters: 2, kernel: 5)
        #expect(throws: LayersError("Conv2D: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1")) {
            try conv(Tensor.zeros([3, 3, 1]))
        }
        #expect(conv.inputChannels == nil)
    }

    @Test func aCallReturnsItsWarnings() throws {
        let result = try MaxPool2D(2).callWithWarnings(Tensor.zeros([2, 5, 5, 1]))
        #expect(result.output.shape == [2, 2, 2, 1])
        #expect(result.warnings == [
            "MaxPool2D: stride 2 does not divide 5 − 2 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func layersWithoutParametersCountZeroBeforeAnyCall() throws {
        #expect(try ReLU().parameterCount == 0)
        #expect(try ReLU().multiplyAdds(for: [8, 8, 3]) == 0)
        #expect(try ReLU().receptiveField == ReceptiveField.pixel)
    }
}
