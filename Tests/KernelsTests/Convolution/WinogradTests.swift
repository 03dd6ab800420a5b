import Testing
@testable import Kernels

/// conv2d's Winograd path (3×3, stride 1, 48 channels or more in and out) and its gradients' against
/// float64 sums, across threads and groupings, and when it applies. PyTorch's vectors for it are a case of
/// `PerAxisConvolutionTests` (`conv_winograd_49x56_odd`).
struct WinogradTests {
    /// An image, a kernel and a bias drawn from `seed`.
    static func operands(_ shape: [Int], outputChannels: Int, seed: UInt64) throws -> (Tensor, Tensor, Tensor) {
        (try Tensor.randomUniform(shape, low: -1, high: 1, seed: seed),
         try Tensor.randomUniform([3, 3, shape[3], outputChannels], low: -1, high: 1, seed: seed + 1),
         try Tensor.randomUniform([outputChannels], low: -1, high: 1, seed: seed + 2))
    }

    @Test(arguments: [
        ([1, 4, 4, 48], 48, Padding.valid, false),   // one tile
        ([2, 7, 9, 49], 56, .explicit(1), true),     // odd output sides, channels past a multiple of 16
        ([1, 5, 6, 64], 49, .same, true),
        ([1, 3, 3, 48], 48, .valid, false),          // a 1×1 output: three quarters of the tile unused
        ([1, 2, 2, 48], 51, .explicit(1), true),     // more padding than image in every tile
    ])
    func everyOutputIsTheFloat64SumWithinRounding(shape: [Int], outputChannels: Int, padding: Padding, hasBias: Bool) throws {
        let (x, k, b) = try Self.operands(shape, outputChannels: outputChannels, seed: 40)
        let bias = hasBias ? b : nil
        #expect(Winograd.applies(to: try ConvProblem(.conv2d, x, k, bias: bias, stride: 1, padding: padding, dilation: 1)))
        let y = try conv2d(x, k, bias: bias, stride: 1, padding: padding)
        let exact = Reference64.conv2d(x.doubles, x.shape, k.doubles, k.shape, bias: bias?.doubles, stride: 1,
                                       padding: padding, dilation: 1)
        // Rounding scales with Σ|x·k| + |bias| (the sum's condition), not with the result, which cancels.
        let scale = Reference64.conv2d(x.doubles.map(abs), x.shape, k.doubles.map(abs), k.shape, bias: bias?.doubles.map(abs),
                                       stride: 1, padding: padding, dilation: 1)
        #expect(y.count == exact.count)
        let worst = zip(y.scalars, zip(exact, scale)).map { abs(Double($0) - $1.0) / $1.1 }.max() ?? 0
        #expect(worst <= 1e-6, "worst error \(worst) of Σ|x·k|")
    }

    @Test func theResultIsTheSameForAnyThreadCountAndGroupingOfTiles() throws {
        let (x, k, bias) = try Self.operands([2, 9, 7, 48], outputChannels: 48, seed: 50)
        let problem = try ConvProblem(.conv2d, x, k, bias: bias, stride: 1, padding: .explicit(1), dilation: 1)
        let expected = try conv2d(x, k, bias: bias, stride: 1, padding: .explicit(1), threads: 1)
        for threads in [1, 2] {
            // As the sizes say (one group of 40 tiles); 7 tiles a group; one tile a group.
            for groupTiles in [nil, 7, 1] {
                var y = [Float](repeating: .nan, count: expected.count)
                x.scalars.withUnsafeBufferPointer { xs in
                    bias.scalars.withUnsafeBufferPointer { b in
                        y.withUnsafeMutableBufferPointer { y in
                            Winograd.run(problem, input: xs.baseAddress!, kernel: k.scalars, bias: b.baseAddress!,
                                         output: y.baseAddress!, threads: threads, groupTiles: groupTiles)
                        }
                    }
                }
                #expect(y == expected.scalars, "threads \(threads), \(groupTiles.map(String.init) ?? "default") tiles a group")
            }
        }
        #expect(try conv2d(x, k, bias: bias, stride: 1, padding: .explicit(1), threads: 2) == expected)
    }

    @Test func aKernelChangedInPlaceIsTransformedAgain() throws {
        let (x, k, _) = try Self.operands([1, 6, 6, 48], outputChannels: 48, seed: 60)
        let first = try conv2d(x, k, stride: 1, padding: .valid)
        var changed = k
        changed.scalars[5] += 1
        let second = try conv2d(x, changed, stride: 1, padding: .valid)
        let exact = Reference64.conv2d(x.doubles, x.shape, changed.doubles, changed.shape, bias: nil, stride: 1,
                                       padding: .valid, dilation: 1)
        #expect(isClose(second, exact, shape: [1, 4, 4, 48], tolerance: 1e-5))
        #expect(second != first)
        #expect(try conv2d(x, k, stride: 1, padding: .valid) == first)
    }

    /// conv2d's input gradient in float64 for stride 1, with `padding` on every side: each input pixel
    /// sums dy·kernel over the outputs whose windows reach it (`magnitudes`: of |dy|·|kernel|).
    static func inputGradient64(_ dy: Tensor, _ k: Tensor, inputShape: [Int], padding p: Int, magnitudes: Bool) -> [Double] {
        let (n, h, w, ci) = (inputShape[0], inputShape[1], inputShape[2], inputShape[3])
        let (oh, ow, co) = (dy.shape[1], dy.shape[2], dy.shape[3])
        let f = magnitudes ? { (v: Float) in Double(abs(v)) } : { (v: Float) in Double(v) }
        var dx = [Double](repeating: 0, count: n * h * w * ci)
        for b in 0..<n { for y in 0..<h { for x in 0..<w { for i in 0..<ci {
            var sum = 0.0
            for a in 0..<3 { for c in 0..<3 {
                let (oy, ox) = (y + p - a, x + p - c)
                guard oy >= 0, oy < oh, ox >= 0, ox < ow else { continue }
                for o in 0..<co { sum += f(dy.scalars[((b * oh + oy) * ow + ox) * co + o]) * f(k.scalars[((a * 3 + c) * ci + i) * co + o]) }
            } }
            dx[((b * h + y) * w + x) * ci + i] = sum
        } } } }
        return dx
    }

    @Test(arguments: [(0, true), (1, true), (2, true), (3, false)])
    func theInputGradientIsTheTurnedKernelsConvolutionWithinRounding(padding: Int, turned: Bool) throws {
        let (x, k, _) = try Self.operands([2, 7, 6, 49], outputChannels: 56, seed: 70)
        let out = [2, 7 + 2 * padding - 2, 6 + 2 * padding - 2, 56]
        let dy = try Tensor.randomUniform(out, low: -1, high: 1, seed: 73)
        let problem = try ConvProblem(.conv2d, x, k, bias: nil, stride: 1, padding: .explicit(padding), dilation: 1)
        #expect((Winograd.applies(to: problem) && problem.geometry.paddingTop <= 2) == turned)
        let dx = try conv2dInputGradient(dy, kernel: k, inputShape: x.shape, padding: .explicit(padding), threads: 1)
        #expect(dx.shape == x.shape)
        let exact = Self.inputGradient64(dy, k, inputShape: x.shape, padding: padding, magnitudes: false)
        let scale = Self.inputGradient64(dy, k, inputShape: x.shape, padding: padding, magnitudes: true)
        let worst = zip(dx.scalars, zip(exact, scale)).map { abs(Double($0) - $1.0) / $1.1 }.max() ?? 0
        #expect(worst <= 1e-6, "worst error \(worst) of Σ|dy·k|")
        #expect(try conv2dInputGradient(dy, kernel: k, inputShape: x.shape, padding: .explicit(padding), threads: 2) == dx)
    }

    /// conv2d's kernel gradient in float64 for stride 1 with `padding` on every side (`magnitudes`: of
    /// |x|·|dy|).
    static func kernelGradient64(_ dy: Tensor, _ x: Tensor, outputChannels co: Int, padding p: Int, magnitudes: Bool) -> [Double] {
        let (n, h, w, ci) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (oh, ow) = (dy.shape[1], dy.shape[2])
        let f = magnitudes ? { (v: Float) in Double(abs(v)) } : { (v: Float) in Double(v) }
        var dk = [Double](repeating: 0, count: 9 * ci * co)
        for a in 0..<3 { for c in 0..<3 { for i in 0..<ci { for o in 0..<co {
            var sum = 0.0
            for b in 0..<n { for oy in 0..<oh { for ox in 0..<ow {
                let (y, xx) = (oy - p + a, ox - p + c)
                guard y >= 0, y < h, xx >= 0, xx < w else { continue }
                sum += f(x.scalars[((b * h + y) * w + xx) * ci + i]) * f(dy.scalars[((b * oh + oy) * ow + ox) * co + o])
            } } }
            dk[((a * 3 + c) * ci + i) * co + o] = sum
        } } } }
        return dk
    }

    @Test(arguments: [0, 1, 2])
    func theKernelGradientIsTheFloat64SumWithinRounding(padding: Int) throws {
        let (x, k, _) = try Self.operands([2, 7, 6, 49], outputChannels: 56, seed: 80)
        let dy = try Tensor.randomUniform([2, 7 + 2 * padding - 2, 6 + 2 * padding - 2, 56], low: -1, high: 1, seed: 83)
        let dk = try conv2dKernelGradient(dy, input: x, kernelShape: k.shape, padding: .explicit(padding), threads: 1)
        let exact = Self.kernelGradient64(dy, x, outputChannels: 56, padding: padding, magnitudes: false)
        let scale = Self.kernelGradient64(dy, x, outputChannels: 56, padding: padding, magnitudes: true)
        let worst = zip(dk.scalars, zip(exact, scale)).map { abs(Double($0) - $1.0) / $1.1 }.max() ?? 0
        #expect(worst <= 1e-6, "worst error \(worst) of Σ|x·dy|")
        #expect(try conv2dKernelGradient(dy, input: x, kernelShape: k.shape, padding: .explicit(padding), threads: 2) == dk)
    }

    @Test func theKernelGradientIsTheSameForAnyThreadCountInEachGroupingOfTiles() throws {
        let (x, k, _) = try Self.operands([2, 9, 7, 48], outputChannels: 48, seed: 90)
        let dy = try Tensor.randomUniform([2, 9, 7, 48], low: -1, high: 1, seed: 93)
        let problem = try ConvProblem(.conv2d, x, k, bias: nil, stride: 1, padding: .explicit(1), dilation: 1)
        let exact = Self.kernelGradient64(dy, x, outputChannels: 48, padding: 1, magnitudes: false)
        let scale = Self.kernelGradient64(dy, x, outputChannels: 48, padding: 1, magnitudes: true)
        // As the sizes say (one group of 40 tiles); 7 tiles a group; one tile a group.
        for groupTiles in [nil, 7, 1] {
            var results: [[Float]] = []
            for threads in [1, 2] {
                var dk = [Float](repeating: .nan, count: k.count)
                x.scalars.withUnsafeBufferPointer { xs in
                    dy.scalars.withUnsafeBufferPointer { dys in
                        dk.withUnsafeMutableBufferPointer { dk in
                            Winograd.kernelGradient(problem, input: xs.baseAddress!, outputGradient: dys.baseAddress!,
                                                    into: dk.baseAddress!, threads: threads, groupTiles: groupTiles)
                        }
                    }
                }
                results.append(dk)
            }
            #expect(results[0] == results[1], "\(groupTiles.map(String.init) ?? "default") tiles a group")
            let worst = zip(results[0], zip(exact, scale)).map { abs(Double($0) - $1.0) / $1.1 }.max() ?? 0
            #expect(worst <= 1e-6, "worst error \(worst) of Σ|x·dy|")
        }
    }

    @Test(arguments: [
        ([3, 3, 48, 48], 1, 1, true),
        ([3, 3, 47, 48], 1, 1, false),   // too few input channels
        ([3, 3, 48, 47], 1, 1, false),   // too few output channels
        ([3, 3, 64, 64], 2, 1, false),   // a stride
        ([3, 3, 64, 64], 1, 2, false),   // a dilation
        ([5, 5, 64, 64], 1, 1, false),
        ([3, 1, 64, 64], 1, 1, false),
    ])
    func itAppliesToThreeByThreeKernelsOfStrideOneWithManyChannels(kernel: [Int], stride: Int, dilation: Int, applies: Bool) throws {
        let x = try Tensor.zeros([8, 8, kernel[2]]), k = try Tensor.zeros(kernel)
        let problem = try ConvProblem(.conv2d, x, k, bias: nil, stride: PerAxis(stride), padding: .valid,
                                      dilation: PerAxis(dilation))
        #expect(Winograd.applies(to: problem) == applies)
    }
}
