import Testing
import Kernels

@Suite struct ActivationsTests {
    let x = Tensor([-8, -1, -0.5, 0, 0.25, 3, 7])

    @Test func reluFamiliesClipAsTheirNamesSay() {
        #expect(relu(x).scalars == [0, 0, 0, 0, 0.25, 3, 7])
        #expect(relu6(x).scalars == [0, 0, 0, 0, 0.25, 3, 6])
        #expect(leakyReLU(x).scalars == [-2.4, -0.3, -0.15, 0, 0.25, 3, 7])
        #expect(leakyReLU(x, slope: 0.1).scalars == [-0.8, -0.1, -0.05, 0, 0.25, 3, 7])
    }

    @Test func activationsKeepTheShape() throws {
        let image = try Tensor.random([3, 5, 2], seed: 1)
        for f in [relu, relu6, sigmoid, tanh] { #expect(f(image).shape == [3, 5, 2]) }
    }

    // Expected values: Python's math.exp and math.tanh in double precision of the Float inputs.
    @Test(arguments: [
        (-8, 0.0003353501304664781), (-1, 0.2689414213699951), (0, 0.5), (0.25, 0.5621765008857981),
        (3, 0.9525741268224334), (20, 0.9999999979388463), (-100, 3.7200759760208356e-44), (100, 1),
    ] as [(Float, Double)])
    func sigmoidMatchesTheLogisticFunction(input: Float, expected: Double) {
        let value = sigmoid(Tensor([input])).scalars[0]
        #expect(abs(Double(value) - expected) <= 2e-7 * abs(expected) + 1e-45)
    }

    @Test(arguments: [
        (Float(-8), -0.9999997749296758), (-1, -0.7615941559557649), (-0.5, -0.46211715726000974), (0, 0),
        (1e-5, 9.999999747045419e-06), (0.25, 0.24491866240370913), (0.54, 0.4929879829179851),
        (0.56, 0.507977434666864), (3, 0.9950547536867305), (50, 1),
    ] as [(Float, Double)])
    func tanhMatchesTheHyperbolicTangentInRelativeTerms(input: Float, expected: Double) {
        let value = tanh(Tensor([input])).scalars[0]
        #expect(abs(Double(value) - expected) <= 2.5e-7 * abs(expected))
    }

    @Test func nonFiniteInputsStayMeaningful() {
        let special = Tensor([.infinity, -.infinity, .nan])
        let s = sigmoid(special).scalars
        #expect(s[0] == 1 && s[1] == 0 && s[2].isNaN)
        let t = tanh(special).scalars
        #expect(t[0] == 1 && t[1] == -1 && t[2].isNaN)
        #expect(relu(special).scalars[2].isNaN)
    }

    @Test func longTensorsAgreeWithSingleValues() throws {
        // 37 values: two full 16-lane blocks and a tail.
        let long = try Tensor.randomUniform([37], low: -6, high: 6, seed: 9)
        let one = long.scalars.map { sigmoid(Tensor([$0])).scalars[0] }
        #expect(sigmoid(long).scalars == one)
    }
}
