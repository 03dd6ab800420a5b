import Testing
import Kernels

/// The optimised ops against `ReferenceOps` on random shapes (padding, stride, dilation,
/// batches, odd sizes), several seeds; and the same bits for 1 and 2 threads.
@Suite struct OptimisedVersusReferenceTests {
    /// A random convolution problem drawn from `seed`; shapes that do not fit are redrawn.
    struct ConvCase: CustomTestStringConvertible, Sendable {
        let input: [Int], kernel: [Int], stride: Int, padding: Padding, dilation: Int, bias: Bool, seed: UInt64
        var testDescription: String {
            "input \(input) kernel \(kernel) stride \(stride) padding \(padding) dilation \(dilation) bias \(bias)"
        }

        static func draw(seed: UInt64, channels: ClosedRange<Int>, outputs: ClosedRange<Int>, size: ClosedRange<Int>) -> ConvCase {
            var g = SeededGenerator(seed: seed)
            func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(g.next() % UInt64(range.count)) }
            while true {
                let (h, w) = (pick(size), pick(size))
                let (kh, kw) = (pick(1...5), pick(1...5))
                let padding = [Padding.valid, .same, .explicit(pick(0...2))][pick(0...2)]
                let stride = pick(1...3), dilation = pick(1...2)
                guard (try? ConvGeometry(inputHeight: h, inputWidth: w, kernelHeight: kh, kernelWidth: kw, stride: stride,
                                         padding: padding, dilation: dilation)) != nil else { continue }
                return ConvCase(input: [pick(1...3), h, w, pick(channels)], kernel: [kh, kw, 0, pick(outputs)], stride: stride,
                                padding: padding, dilation: dilation, bias: pick(0...1) == 1, seed: seed)
            }
        }
    }

    static let convCases = (0..<10).map { ConvCase.draw(seed: $0, channels: 1...9, outputs: 1...40, size: 1...13) }
        + (10..<14).map { ConvCase.draw(seed: $0, channels: 16...48, outputs: 17...70, size: 6...16) }
        // 512 channels: each padded pixel gets 16 spare values (ConvRows.pixelStride).
        + (14..<16).map { ConvCase.draw(seed: $0, channels: 512...512, outputs: 3...20, size: 3...7) }

    @Test(arguments: convCases)
    func conv2dEqualsTheReferenceLoop(_ c: ConvCase) throws {
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        let k = try Tensor.randomUniform([c.kernel[0], c.kernel[1], c.input[3], c.kernel[3]], low: -1, high: 1, seed: c.seed + 100)
        let bias = c.bias ? try Tensor.randomUniform([c.kernel[3]], low: -1, high: 1, seed: c.seed + 200) : nil
        let output = try conv2d(x, k, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation)
        let expected = ReferenceOps.conv2d(x, k, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation)
        #expect(output.shape == expected.shape)
        #expect(output == expected)
    }

    @Test(arguments: convCases)
    func depthwiseConv2dEqualsTheReferenceLoop(_ c: ConvCase) throws {
        let multiplier = c.kernel[3] % 3 + 1
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        let k = try Tensor.randomUniform([c.kernel[0], c.kernel[1], c.input[3], multiplier], low: -1, high: 1, seed: c.seed + 100)
        let bias = c.bias ? try Tensor.randomUniform([c.input[3] * multiplier], low: -1, high: 1, seed: c.seed + 200) : nil
        let output = try depthwiseConv2d(x, k, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation)
        #expect(output == ReferenceOps.depthwise(x, k, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation))
    }

    @Test(arguments: convCases)
    func poolingEqualsTheReferenceLoop(_ c: ConvCase) throws {
        let size = c.kernel[0], stride = c.stride
        let padding: Padding = if case .explicit(let p) = c.padding { .explicit(min(p, size / 2)) } else { c.padding }
        let x = try Tensor.randomUniform(c.input, low: -1, high: 1, seed: c.seed)
        guard (try? ConvGeometry(inputHeight: c.input[1], inputWidth: c.input[2], kernelHeight: size, kernelWidth: size,
                                 stride: stride, padding: padding)) != nil else { return }
        #expect(try maxPool2d(x, PoolWindow(size: size, stride: stride, padding: padding))
            == ReferenceOps.pool(x, size: size, stride: stride, padding: padding, max: true))
        #expect(try avgPool2d(x, PoolWindow(size: size, stride: stride, padding: padding))
            == ReferenceOps.pool(x, size: size, stride: stride, padding: padding, max: false))
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (8, 32, 32), (9, 33, 31), (17, 100, 65), (64, 257, 129), (1, 300, 1000), (45, 3, 2)])
    func matmulAndDenseEqualTheReferenceLoop(m: Int, k: Int, n: Int) throws {
        let a = try Tensor.randomUniform([m, k], low: -1, high: 1, seed: UInt64(m * 1000 + k))
        let b = try Tensor.randomUniform([k, n], low: -1, high: 1, seed: UInt64(n))
        let bias = try Tensor.randomUniform([n], low: -1, high: 1, seed: 5)
        #expect(try matmul(a, b) == ReferenceOps.matmul(a, b))
        #expect(try dense(a, b, bias: bias) == ReferenceOps.matmul(a, b, bias: bias))
    }

    @Test func everyHeavyOpGivesTheSameBitsOnOneAndTwoThreads() throws {
        let x = try Tensor.randomUniform([2, 19, 23, 24], low: -1, high: 1, seed: 1)
        let k = try Tensor.randomUniform([3, 3, 24, 40], low: -1, high: 1, seed: 2)
        let small = try Tensor.randomUniform([3, 3, 24, 5], low: -1, high: 1, seed: 3)
        let depthwiseKernel = try Tensor.randomUniform([3, 3, 24, 2], low: -1, high: 1, seed: 4)
        let bias = try Tensor.randomUniform([40], low: -1, high: 1, seed: 5)
        for threads in [2, 3] {
            #expect(bits(try conv2d(x, k, bias: bias, padding: .same, threads: 1))
                == bits(try conv2d(x, k, bias: bias, padding: .same, threads: threads)))
            #expect(bits(try conv2d(x, small, stride: 2, dilation: 2, threads: 1))
                == bits(try conv2d(x, small, stride: 2, dilation: 2, threads: threads)))
            #expect(bits(try depthwiseConv2d(x, depthwiseKernel, padding: .same, threads: 1))
                == bits(try depthwiseConv2d(x, depthwiseKernel, padding: .same, threads: threads)))
            #expect(bits(try maxPool2d(x, PoolWindow(size: 3, stride: 2, padding: .same), threads: 1))
                == bits(try maxPool2d(x, PoolWindow(size: 3, stride: 2, padding: .same), threads: threads)))
            #expect(bits(try avgPool2d(x, PoolWindow(size: 2), threads: 1)) == bits(try avgPool2d(x, PoolWindow(size: 2), threads: threads)))
            let a = try Tensor.randomUniform([70, 300], low: -1, high: 1, seed: 6)
            let b = try Tensor.randomUniform([300, 90], low: -1, high: 1, seed: 7)
            #expect(bits(try matmul(a, b, threads: 1)) == bits(try matmul(a, b, threads: threads)))
            #expect(bits(try dense(a, b, bias: Tensor.ones([90]), threads: 1))
                == bits(try dense(a, b, bias: Tensor.ones([90]), threads: threads)))
        }
    }
}
