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

    /// torchvision's GoogLeNet without its auxiliary heads (`aux_logits=False`), quirks included: the
    /// "5×5" branch is a 3×3 convolution, and the pools round up (`ceil_mode=True`).
    static func googLeNet() throws -> Sequential {
        try Sequential {
            try basicConv(64, kernel: 7, stride: 2, padding: 3)
            try MaxPool2D(3, stride: 2, ceilMode: true)
            try basicConv(64, kernel: 1)
            try basicConv(192, kernel: 3, padding: 1)
            try MaxPool2D(3, stride: 2, ceilMode: true)
            try inception(64, 96, 128, 16, 32, 32)
            try inception(128, 128, 192, 32, 96, 64)
            try MaxPool2D(3, stride: 2, ceilMode: true)
            try inception(192, 96, 208, 16, 48, 64)
            try inception(160, 112, 224, 24, 64, 64)
            try inception(128, 128, 256, 24, 64, 64)
            try inception(112, 144, 288, 32, 64, 64)
            try inception(256, 160, 320, 32, 128, 128)
            try MaxPool2D(2, stride: 2, ceilMode: true)
            try inception(256, 160, 320, 32, 128, 128)
            try inception(384, 192, 384, 48, 128, 128)
            GlobalAvgPool2D()
            try Dropout(0.2)
            try Dense(1000)
        }
    }

    /// GoogLeNet's `BasicConv2d`: a convolution without bias, batch norm (ε = 0.001), ReLU.
    static func basicConv(_ filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0) throws -> Sequential {
        try Sequential {
            try Conv2D(filters: filters, kernel: kernel, stride: PerAxis(stride), padding: .explicit(padding), bias: false)
            try BatchNorm(epsilon: 1e-3, momentum: 0.9)
            ReLU()
        }
    }

    /// GoogLeNet's `Inception` block: four branches joined along the channels.
    static func inception(_ ch1x1: Int, _ ch3x3red: Int, _ ch3x3: Int, _ ch5x5red: Int, _ ch5x5: Int,
                          _ poolProj: Int) throws -> Concat {
        try Concat {
            try basicConv(ch1x1, kernel: 1)
            try Sequential { try basicConv(ch3x3red, kernel: 1); try basicConv(ch3x3, kernel: 3, padding: 1) }
            // torchvision's quirk: the "5×5" branch is a 3×3 convolution.
            try Sequential { try basicConv(ch5x5red, kernel: 1); try basicConv(ch5x5, kernel: 3, padding: 1) }
            try Sequential {
                try MaxPool2D(3, stride: 1, padding: .explicit(1), ceilMode: true); try basicConv(poolProj, kernel: 1)
            }
        }
    }
}
