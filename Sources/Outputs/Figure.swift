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
    }

    /// How values become colours, shared by all panels so they compare.
    public var style: Style
    /// The panels, shown in a grid in this order.
    public var panels: [Panel]
    /// Text for readers who cannot see the picture (`16 feature maps of 30×30`).
    public var alt: String
    /// The cell's caption, if its options give one.
    public var caption: String?

    /// Creates a figure.
    public init(style: Style, panels: [Panel], alt: String, caption: String? = nil) {
        self.style = style
        self.panels = panels
        self.alt = alt
        self.caption = caption
    }
}
