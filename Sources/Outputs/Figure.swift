/// A picture of one or more 2-D panels (feature maps, kernels, an RGB image), not yet encoded.
///
/// Render turns it into PNG with a perceptual colour map and a scale; the terminal into text.
public struct Figure: Sendable, Hashable, Codable {
    /// How panel values become colours.
    public enum Style: Sendable, Hashable, Codable {
        /// One value per pixel through a perceptual colour map, scaled from `low` to `high`.
        case heatmap(low: Float, high: Float)
        /// Three values per pixel, red, green, blue, each in 0…1.
        case rgb
    }

    /// A rectangle of pixels outlined on a panel: the window a kernel covers (the flashlight).
    public struct Window: Sendable, Hashable, Codable {
        /// The top row.
        public var row: Int
        /// The left column.
        public var column: Int
        /// Rows covered.
        public var height: Int
        /// Columns covered.
        public var width: Int

        /// Creates a window.
        public init(row: Int, column: Int, height: Int, width: Int) {
            self.row = row
            self.column = column
            self.height = height
            self.width = width
        }
    }

    /// One image in the figure's grid.
    public struct Panel: Sendable, Hashable, Codable {
        /// The label under the panel (`channel 3`).
        public var label: String
        /// Pixels across.
        public var width: Int
        /// Pixels down.
        public var height: Int
        /// Row-major values: one per pixel for a heatmap, three for RGB.
        public var values: [Float]
        /// Rectangles outlined on top of the picture.
        public var windows: [Window]

        /// Creates a panel.
        public init(label: String, width: Int, height: Int, values: [Float], windows: [Window] = []) {
            self.label = label
            self.width = width
            self.height = height
            self.values = values
            self.windows = windows
        }

        private enum CodingKeys: String, CodingKey {
            case label, width, height, values, windows
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            width = try container.decode(Int.self, forKey: .width)
            height = try container.decode(Int.self, forKey: .height)
            windows = try container.decode([Window].self, forKey: .windows)
            if decoder.userInfo[.compactFigureValues] as? Bool == true {
                let text = try container.decode(String.self, forKey: .values)
                guard let values = Self.values(hexadecimal: text) else {
                    throw DecodingError.dataCorruptedError(forKey: .values, in: container,
                                                           debugDescription: "not 8 hexadecimal digits a value")
                }
                self.values = values
            } else {
                values = try container.decode([Float].self, forKey: .values)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(windows, forKey: .windows)
            if encoder.userInfo[.compactFigureValues] as? Bool == true {
                try container.encode(Self.hexadecimal(values), forKey: .values)
            } else {
                try container.encode(values, forKey: .values)
            }
        }

        /// Each value's bit pattern as 8 lowercase hexadecimal digits, most significant first.
        static func hexadecimal(_ values: [Float]) -> String {
            let digits = Array("0123456789abcdef".utf8)
            var bytes = [UInt8](repeating: 0, count: values.count * 8)
            for (index, value) in values.enumerated() {
                let bits = value.bitPattern
                for digit in 0..<8 { bytes[index * 8 + digit] = digits[Int((bits >> (28 - 4 * UInt32(digit))) & 0xF)] }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The values `hexadecimal` wrote, or nil for text it cannot have written.
        static func values(hexadecimal text: String) -> [Float]? {
            var text = text
            return text.withUTF8 { bytes -> [Float]? in
                guard bytes.count % 8 == 0 else { return nil }
                var values = [Float](repeating: 0, count: bytes.count / 8)
                for index in values.indices {
                    var bits: UInt32 = 0
                    for digit in 0..<8 {
                        let byte = bytes[index * 8 + digit]
                        let nibble: UInt8
                        switch byte {
                        case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
                        case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
                        default: return nil
                        }
                        bits = bits << 4 | UInt32(nibble)
                    }
                    values[index] = Float(bitPattern: bits)
                }
                return values
            }
        }
    }

    /// How values become colours, shared by all panels so they compare.
    public var style: Style
    /// The panels, shown in a grid in this order.
    public var panels: [Panel]
    /// Text for readers who cannot see the picture (`16 feature maps of 30×30`).
    public var alt: String

    /// Creates a figure.
    public init(style: Style, panels: [Panel], alt: String) {
        self.style = style
        self.panels = panels
        self.alt = alt
    }
}

extension CodingUserInfoKey {
    /// When true in an encoder's or decoder's `userInfo`, a figure panel's values are one string of
    /// bit patterns, 8 hexadecimal digits a value, rather than a list of numbers: compact, quick to
    /// read, and exact (the cell cache's form).
    public static let compactFigureValues = CodingUserInfoKey(rawValue: "compactFigureValues")!
}
