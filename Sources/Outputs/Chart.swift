/// Line charts side by side, each with its own y axis and a shared kind of x axis: the training
/// curves of `#show(history)` (loss on one panel, accuracy on the next).
public struct Chart: Sendable, Hashable, Codable {
    /// One line: a name for the legend and a y value per x.
    public struct Series: Sendable, Hashable, Codable {
        /// The legend's name (`training`, `validation`).
        public var name: String
        /// The y values, one per x of the panel.
        public var values: [Double]

        /// Creates a series.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// One chart: a title, x positions and the lines drawn over them.
    public struct Panel: Sendable, Hashable, Codable {
        /// The panel's title (`loss`, `accuracy`).
        public var title: String
        /// The x axis's name (`epoch`).
        public var xLabel: String
        /// The x positions, ascending; every series has one value per position.
        public var xs: [Double]
        /// The lines, drawn in order.
        public var series: [Series]
        /// The y range to show when fixed (accuracy: 0…1); nil fits the values.
        public var yRange: ClosedRange<Double>?

        /// Creates a panel.
        public init(title: String, xLabel: String, xs: [Double], series: [Series], yRange: ClosedRange<Double>? = nil) {
            self.title = title
            self.xLabel = xLabel
            self.xs = xs
            self.series = series
            self.yRange = yRange
        }
    }

    /// The panels, left to right.
    public var panels: [Panel]
    /// Text for readers who cannot see the chart (`loss and accuracy over 10 epochs`).
    public var alt: String

    /// Creates a chart.
    public init(panels: [Panel], alt: String) {
        self.panels = panels
        self.alt = alt
    }
}
