import Layers
import Kernels

/// Classic networks built from the layers, as torchvision and Keras define them; their published
/// parameter counts and shapes are the references in `ClassicModelsTests`.
enum ClassicModels {
    /// LeNet as in PyTorch's "Neural Networks" tutorial, for 32×32×1 inputs.
    static func leNet() throws -> Sequential {
        try Sequential {
            try Conv2D(filters: 6, kernel: 5); ReLU(); try MaxPool2D(2)
            try Conv2D(filters: 16, kernel: 5); ReLU(); try MaxPool2D(2)
            Flatten()
            try Dense(120); ReLU()
            try Dense(84); ReLU()
            try Dense(10)
        }
    }

    /// torchvision's AlexNet features (11×11 stride 4 padding 2), for 224×224×3 inputs: 6×6×256.
    static func alexNetFeatures() throws -> Sequential {
        try Sequential {
            try Conv2D(filters: 64, kernel: 11, stride: 4, padding: .explicit(2)); ReLU(); try MaxPool2D(3, stride: 2)
            try Conv2D(filters: 192, kernel: 5, padding: .explicit(2)); ReLU(); try MaxPool2D(3, stride: 2)
            try Conv2D(filters: 384, kernel: 3, padding: .explicit(1)); ReLU()
            try Conv2D(filters: 256, kernel: 3, padding: .explicit(1)); ReLU()
            try Conv2D(filters: 256, kernel: 3, padding: .explicit(1)); ReLU(); try MaxPool2D(3, stride: 2)
        }
    }

    /// torchvision's AlexNet; its AdaptiveAvgPool2d((6, 6)) is the identity at 224×224.
    static func alexNet() throws -> Sequential {
        try Sequential {
            try alexNetFeatures()
            Flatten()
            try Dropout(0.5); try Dense(4096); ReLU()
            try Dropout(0.5); try Dense(4096); ReLU()
            try Dense(1000)
        }
    }

    /// VGG-16 (configuration D): 13 3×3 convolutions in five blocks, each block ending in 2×2 max pooling.
    static func vgg16Features() throws -> Sequential {
        try Sequential {
            for (filters, count) in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)] {
                for _ in 0..<count {
                    try Conv2D(filters: filters, kernel: 3, padding: .same)
                    ReLU()
                }
                try MaxPool2D(2)
            }
        }
    }

    /// VGG-16 with its classifier (4096, 4096, 1000), as torchvision and Keras `include_top=True` have it.
    static func vgg16() throws -> Sequential {
        try Sequential {
            try vgg16Features()
            Flatten()
            try Dense(4096); ReLU(); try Dropout(0.5)
            try Dense(4096); ReLU(); try Dropout(0.5)
            try Dense(1000)
        }
    }

    /// ResNet's basic block: two 3×3 convolutions without bias, each with batch norm, plus the input,
    /// through a 1×1 projection when the shape changes; ReLU after the sum.
    static func basicBlock(_ filters: Int, stride: Int = 1, inputChannels: Int) throws -> [any Layer] {
        let projection = stride != 1 || inputChannels != filters
        let shortcut = projection ? try Sequential {
            try Conv2D(filters: filters, kernel: 1, stride: PerAxis(stride), bias: false)
            try torchBatchNorm()
        } : nil
        return [
            try Residual(shortcut: shortcut) {
                try Conv2D(filters: filters, kernel: 3, stride: PerAxis(stride), padding: .explicit(1), bias: false)
                try torchBatchNorm(); ReLU()
                try Conv2D(filters: filters, kernel: 3, padding: .explicit(1), bias: false)
                try torchBatchNorm()
            },
            ReLU(),
        ]
    }

    /// Batch norm with PyTorch's defaults (eps 1e-5, momentum 0.1, which is Keras's 0.9).
    static func torchBatchNorm() throws -> BatchNorm { try BatchNorm(epsilon: 1e-5, momentum: 0.9) }

    /// torchvision's ResNet-18 up to the global pool: 7×7×512 at 224×224×3.
    static func resNet18Features() throws -> Sequential {
        var stages: [any Layer] = []
        var channels = 64
        for filters in [64, 128, 256, 512] {
            stages += try basicBlock(filters, stride: filters == 64 ? 1 : 2, inputChannels: channels)
            stages += try basicBlock(filters, inputChannels: filters)
            channels = filters
        }
        return try Sequential {
            try Conv2D(filters: 64, kernel: 7, stride: 2, padding: .explicit(3), bias: false)
            try torchBatchNorm(); ReLU()
            try MaxPool2D(3, stride: 2, padding: .explicit(1))
            stages
        }
    }

    /// torchvision's ResNet-18.
    static func resNet18() throws -> Sequential {
        try Sequential {
            try resNet18Features()
            GlobalAvgPool2D()
            try Dense(1000)
        }
    }

    /// MobileNetV2's inverted residual: 1×1 expansion by `expansion` (none when 1), 3×3 depthwise, 1×1
    /// linear projection, all without bias and with batch norm; a residual sum when shape is kept.
    static func invertedResidual(inputChannels: Int, expansion: Int, filters: Int, stride: Int) throws -> any Layer {
        var body: [any Layer] = []
        if expansion != 1 {
            body += [try Conv2D(filters: inputChannels * expansion, kernel: 1, bias: false), try kerasBatchNorm(), ReLU6()]
        }
        body += [try DepthwiseConv2D(kernel: 3, stride: PerAxis(stride), padding: .same, bias: false), try kerasBatchNorm(), ReLU6()]
        body += [try Conv2D(filters: filters, kernel: 1, bias: false), try kerasBatchNorm()]
        return stride == 1 && inputChannels == filters ? Residual(body) : try Sequential(body)
    }

    /// Batch norm as Keras's MobileNetV2 has it.
    static func kerasBatchNorm() throws -> BatchNorm { try BatchNorm(epsilon: 1e-3, momentum: 0.999) }

    /// Keras's MobileNetV2 (alpha 1.0, include_top=True) for 224×224×3; torchvision's has the same layers.
    static func mobileNetV2() throws -> Sequential {
        let settings = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                        (6, 320, 1, 1)]
        var channels = 32
        var blocks: [any Layer] = []
        for (expansion, filters, repeats, stride) in settings {
            for index in 0..<repeats {
                blocks.append(try invertedResidual(inputChannels: channels, expansion: expansion, filters: filters,
                                                   stride: index == 0 ? stride : 1))
                channels = filters
            }
        }
        return try Sequential {
            try Conv2D(filters: 32, kernel: 3, stride: 2, padding: .same, bias: false)
            try kerasBatchNorm(); ReLU6()
            blocks
            try Conv2D(filters: 1280, kernel: 1, bias: false)
            try kerasBatchNorm(); ReLU6()
            GlobalAvgPool2D()
            try Dense(1000)
        }
    }
}
