/// One thing a cell shows, in the order it happened (as a Jupyter cell's outputs).
public enum CellOutput: Sendable, Hashable {
    /// Text written by `print(…)`, with its final newline.
    case text(String)
    /// The display of the cell's last expression, in the lesson's terms (`[30, 30, 16]`).
    case value(String)
    /// A table: a model summary (`#summary`), or a value best shown as one.
    case table(Table)
    /// A picture made by `#show`.
    case figure(Figure)
    /// A model's shapes layer by layer, drawn as a diagram (`#show(model)`).
    case diagram(ModelDiagram)
    /// The result of a `#expect` or `#require`.
    case claim(ClaimResult)
    /// An error or warning, located in the `.md` file; an error ends its cell.
    case diagnostic(Diagnostic)
}

/// A table of text cells with a header row, body rows and optional total rows.
public struct Table: Sendable, Hashable {
    /// How a column's cells line up.
    public enum Alignment: String, Sendable, Hashable { case left, right }

    /// A column's header and alignment.
    public struct Column: Sendable, Hashable {
        /// The header text.
        public var title: String
        /// How the column's cells line up (numbers right).
        public var alignment: Alignment

        /// Creates a column titled `title`.
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The title above the table (`Sequential: 3 layers`), if any.
    public var title: String?
    /// The columns, left to right.
    public var columns: [Column]
    /// The body rows; each has one cell per column.
    public var rows: [[String]]
    /// Lines under the table (`Total params: 61,706`).
    public var footer: [String]

    /// Creates a table.
    public init(title: String? = nil, columns: [Column], rows: [[String]], footer: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}

/// A picture of one or more 2-D panels (feature maps, kernels, an RGB image), not yet encoded.
///
/// Render turns it into PNG with a perceptual colour map and a scale; the terminal into text.
public struct Figure: Sendable, Hashable {
    /// How panel values become colours.
    public enum Style: Sendable, Hashable {
        /// One value per pixel through a perceptual colour map, scaled from `low` to `high`.
        case heatmap(low: Float, high: Float)
        /// Three values per pixel, red, green, blue, each in 0…1.
        case rgb
    }

    /// A rectangle of pixels outlined on a panel: the window a kernel covers (the flashlight).
    public struct Window: Sendable, Hashable {
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
    public struct Panel: Sendable, Hashable {
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

/// A model's shapes from input to output, one stage per layer, for a diagram.
public struct ModelDiagram: Sendable, Hashable {
    /// One step of the diagram: the input, or a layer and the shape it gives.
    public struct Stage: Sendable, Hashable {
        /// `input`, or the layer in short (`Conv2D 3×3 · 16`).
        public var label: String
        /// The shape after this stage, without the batch axis.
        public var shape: [Int]
        /// The stage's parameters (trainable and not).
        public var parameters: Int

        /// Creates a stage.
        public init(label: String, shape: [Int], parameters: Int) {
            self.label = label
            self.shape = shape
            self.parameters = parameters
        }
    }

    /// The stages, the input first.
    public var stages: [Stage]
    /// Text for readers who cannot see the diagram.
    public var alt: String
    /// The cell's caption, if its options give one.
    public var caption: String?

    /// Creates a diagram.
    public init(stages: [Stage], alt: String, caption: String? = nil) {
        self.stages = stages
        self.alt = alt
        self.caption = caption
    }
}

/// The outcome of one claim (`#expect` or `#require`).
public struct ClaimResult: Sendable, Hashable {
    /// The directive that made the claim.
    public enum Kind: String, Sendable, Hashable { case expect, require }

    /// `expect` or `require`.
    public var kind: Kind
    /// The condition as written (`y.shape == [30, 30, 16]`).
    public var condition: String
    /// Where the condition starts in the `.md` file.
    public var location: SourceLocation
    /// How many UTF-8 bytes the condition spans on its first line.
    public var length: Int
    /// Whether the condition held.
    public var passed: Bool
    /// On failure, each sub-expression with its value (`("y.shape", "[32, 32, 16]")`), outermost first.
    public var values: [SubexpressionValue]

    /// A sub-expression of a claim and its value when the claim ran.
    public struct SubexpressionValue: Sendable, Hashable {
        /// The sub-expression as written.
        public var expression: String
        /// Its value, displayed.
        public var value: String

        /// Creates a pair.
        public init(_ expression: String, _ value: String) {
            self.expression = expression
            self.value = value
        }
    }

    /// Creates a claim result.
    public init(kind: Kind, condition: String, location: SourceLocation, length: Int, passed: Bool,
                values: [SubexpressionValue] = []) {
        self.kind = kind
        self.condition = condition
        self.location = location
        self.length = length
        self.passed = passed
        self.values = values
    }

    /// The failure as a located error (`expectation failed: …` with `y.shape → [32, 32, 16]`), or nil if it passed.
    public var diagnostic: Diagnostic? {
        guard !passed else { return nil }
        let what = kind == .expect ? "expectation failed" : "requirement failed"
        return .error("\(what): \(condition)", at: location, length: length,
                      details: values.map { "\($0.expression) → \($0.value)" })
    }
}
