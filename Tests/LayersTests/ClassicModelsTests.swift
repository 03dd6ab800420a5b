import Testing
import Layers

/// Published figures: parameter counts from torchvision's model pages (`num_params`) and Keras's
/// `model.summary()`, GFLOPS from torchvision's model pages, shapes from the papers and libraries.
@Suite struct ClassicModelsTests {
    struct Published: Sendable, CustomTestStringConvertible {
        let name: String
        let model: @Sendable () throws -> Sequential
        let input: [Int]
        let output: [Int]
        let trainable: Int
        let nonTrainable: Int
        /// torchvision's GFLOPS column (multiply-adds, billions, two decimals), when published.
        let gigaMultiplyAdds: Double?
        var testDescription: String { name }
    }

    static let published: [Published] = [
        Published(name: "LeNet (PyTorch tutorial)", model: ClassicModels.leNet, input: [32, 32, 1], output: [10],
                  trainable: 61_706, nonTrainable: 0, gigaMultiplyAdds: nil),
        Published(name: "AlexNet (torchvision)", model: ClassicModels.alexNet, input: [224, 224, 3], output: [1000],
                  trainable: 61_100_840, nonTrainable: 0, gigaMultiplyAdds: 0.71),
        Published(name: "VGG-16 (torchvision, Keras include_top)", model: ClassicModels.vgg16, input: [224, 224, 3],
                  output: [1000], trainable: 138_357_544, nonTrainable: 0, gigaMultiplyAdds: 15.47),
        Published(name: "VGG-16 without its classifier (Keras include_top=False)", model: ClassicModels.vgg16Features,
                  input: [224, 224, 3], output: [7, 7, 512], trainable: 14_714_688, nonTrainable: 0,
                  gigaMultiplyAdds: nil),
        Published(name: "ResNet-18 (torchvision)", model: ClassicModels.resNet18, input: [224, 224, 3], output: [1000],
                  // Not trainable: a running mean and variance for each of its 4,800 batch-norm channels.
                  trainable: 11_689_512, nonTrainable: 9_600, gigaMultiplyAdds: 1.81),
        Published(name: "MobileNetV2 (Keras, torchvision)", model: ClassicModels.mobileNetV2, input: [224, 224, 3],
                  output: [1000], trainable: 3_504_872, nonTrainable: 34_112, gigaMultiplyAdds: 0.30),
        Published(name: "GoogLeNet without auxiliary heads (torchvision)", model: ClassicModels.googLeNet,
                  input: [224, 224, 3], output: [1000],
                  // Not trainable: a running mean and variance for each of its 7,280 batch-norm channels.
                  trainable: 6_624_904, nonTrainable: 14_560, gigaMultiplyAdds: 1.50),
    ]

    @Test("published parameter counts and output shapes are reproduced", arguments: published)
    func parameterCountsAndShapes(_ case_: Published) throws {
        let model = try case_.model()
        #expect(try model.outputShape(for: case_.input) == case_.output)
        let counts = try model.parameterCounts(for: case_.input)
        #expect(counts.trainable == case_.trainable)
        #expect(counts.nonTrainable == case_.nonTrainable)
        if let published = case_.gigaMultiplyAdds {
            let giga = Double(try model.multiplyAdds(for: case_.input)) / 1e9
            #expect(abs(giga - published) < 0.005, "\(giga) G multiply-adds")
        }
    }

    @Test func mobileNetV2TotalsFollowFromTheTrainableSplit() throws {
        let counts = try ClassicModels.mobileNetV2().parameterCounts(for: [224, 224, 3])
        // Keras: "Total params: 3,538,984"; torchvision: num_params 3504872 (parameters only).
        #expect(counts.total == 3_538_984)
        #expect(counts.trainable == 3_504_872)
    }

    @Test func resNet18TorchvisionCountsOnlyTrainableParameters() throws {
        let counts = try ClassicModels.resNet18().parameterCounts(for: [224, 224, 3])
        #expect(counts.trainable == 11_689_512)
    }

    @Test("published feature-map shapes", arguments: [
        ("AlexNet features", [6, 6, 256]),
        ("ResNet-18 before the pool", [7, 7, 512]),
        ("VGG-16 features", [7, 7, 512]),
    ])
    func featureShapes(_ name: String, _ output: [Int]) throws {
        let build: () throws -> Sequential = switch name {
        case "AlexNet features": ClassicModels.alexNetFeatures
        case "ResNet-18 before the pool": ClassicModels.resNet18Features
        default: ClassicModels.vgg16Features
        }
        #expect(try build().outputShape(for: [224, 224, 3]) == output)
    }

    @Test func alexNetFirstConvolutionGives55() throws {
        let conv = try Conv2D(filters: 64, kernel: 11, stride: 4, padding: .explicit(2))
        #expect(try conv.outputShape(for: [224, 224, 3]) == [55, 55, 64])
    }

    @Test func leNetSecondConvolutionGives10By10By16() throws {
        let model = try ClassicModels.leNet()
        #expect(try ModelSummary(model: model, input: [32, 32, 1]).rows[3].outputShape == [10, 10, 16])
    }

    @Test func vgg16ReceptiveFieldMatchesTheHandTable() throws {
        // The classic VGG-16 table: 212 after pool5 (jump 32), 404 for fc6 seen as a 7×7 convolution.
        let features = try Sequential(input: [224, 224, 3], [try ClassicModels.vgg16Features()])
        #expect(try features.receptiveField == ReceptiveField(height: 212, width: 212, jump: 32))
        let withClassifier = try Sequential(input: [224, 224, 3], [try ClassicModels.vgg16Features(), Flatten(), try Dense(4096)])
        #expect(try withClassifier.receptiveField.size == 404)
    }
}
