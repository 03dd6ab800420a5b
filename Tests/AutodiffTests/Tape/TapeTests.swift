import Testing
import Autodiff
import Kernels

/// The tape's mechanics: constants, fan-out, unreached variables, the scalar rule, mixing tapes.
@Suite struct TapeTests {
    let x = Tensor([1, 2, 3])

    @Test func aValueUsedTwiceGetsBothGradients() throws {
        // d/dx Σ (x·x + x) = 2x + 1.
        let g = try gradient(at: x) { x in try (x * x + x).sum() }
        #expect(g.scalars == [3, 5, 7])
    }

    @Test func constantsGetNoGradientAndMakeConstants() throws {
        let constant = Variable(x)
        #expect(!constant.isRecorded)
        #expect(!(try relu(constant * 2)).isRecorded)
        let g = try gradient(at: x) { x in try (x * constant).sum() }
        #expect(g == x)
    }

    @Test func aVariableTheValueDoesNotDependOnGetsZeros() throws {
        let tape = Tape()
        let (a, b) = (tape.variable(x), tape.variable(try Tensor.ones([2, 2])))
        let gradients = try tape.gradients(of: try a.sum(), withRespectTo: [a, b])
        #expect(gradients[1] == (try Tensor.zeros([2, 2])))
        let constant = try Variable(x).sum()
        #expect(try tape.gradients(of: constant, withRespectTo: [a])[0] == (try Tensor.zeros([3])))
    }

    @Test func theGradientOfAVariableItselfIsOne() throws {
        let tape = Tape()
        let w = tape.variable(try Tensor(shape: [], scalars: [4]))
        #expect(try tape.gradients(of: w, withRespectTo: [w])[0].scalars == [1])
    }

    @Test func aTapeCanBeAskedTwiceAndCountsItsNodes() throws {
        let tape = Tape()
        let w = tape.variable(x)
        let loss = try (w * w).sum()
        #expect(tape.count == 3)
        #expect(try tape.gradients(of: loss, withRespectTo: [w]) == tape.gradients(of: loss, withRespectTo: [w]))
    }

    @Test func onlyTheWantedBranchIsDifferentiated() throws {
        // The conv's input gradient is not wanted (the image is a constant) and its kernel's is not
        // asked for, so neither rule runs: asking for the dense weights alone is valid even though
        // the conv's gradient would be computed only on request.
        let tape = Tape()
        let image = Variable(try Tensor.random([1, 4, 4, 1], seed: 1))
        let kernel = tape.variable(try Tensor.random([3, 3, 1, 2], seed: 2))
        let weights = tape.variable(try Tensor.random([8, 3], seed: 3))
        let features = try conv2d(image, kernel).reshaped([1, 8])
        let loss = try dense(features, weights).sum()
        let both = try tape.gradients(of: loss, withRespectTo: [kernel, weights])
        #expect(try tape.gradients(of: loss, withRespectTo: [weights])[0] == both[1])
    }

    @Test func aGradientOfANonScalarIsExplained() throws {
        #expect(throws: AutodiffError(
            "a gradient needs a scalar to differentiate, but the value has shape [3] (3 elements): reduce it to one number first, with a loss, '.sum()' or '.mean()'")) {
            try gradient(at: x) { x in try x * 2 }
        }
    }

    @Test func askingForAConstantOrAnotherTapesValueIsExplained() throws {
        let tape = Tape(), other = Tape()
        let w = tape.variable(x)
        let loss = try w.sum()
        #expect(throws: AutodiffError("cannot take a gradient with respect to the value: it is a constant, not a variable of this gradient computation")) {
            try tape.gradients(of: loss, withRespectTo: [Variable(x)])
        }
        #expect(throws: AutodiffError("cannot take a gradient with respect to value 2: it is not a variable of this gradient computation")) {
            try tape.gradients(of: loss, withRespectTo: [w, other.variable(x)])
        }
        #expect(throws: AutodiffError("cannot take a gradient with respect to the value: it is not a variable of this gradient computation")) {
            try tape.gradients(of: loss, withRespectTo: [try w * 2])
        }
        #expect(throws: AutodiffError(
            "add: its operands come from two different gradient computations; a value recorded inside one 'gradient(at:)' cannot be used in another")) {
            try w + other.variable(x)
        }
    }

    @Test func valueWithGradientGivesBoth() throws {
        let (value, g) = try valueWithGradient(at: x) { x in try (x * x).sum() }
        #expect(value.scalars == [14])
        #expect(g.scalars == [2, 4, 6])
        let (ga, gb) = try gradient(at: x, Tensor([4, 5, 6])) { a, b in try (a * b).sum() }
        #expect(ga.scalars == [4, 5, 6] && gb.scalars == [1, 2, 3])
    }
}
