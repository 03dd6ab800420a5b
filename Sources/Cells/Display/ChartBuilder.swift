internal import Layers
import Outputs

/// The pictures of learning: a training history as loss and accuracy curves, a confusion matrix
/// as its table, a data set as its first images with their labels.
enum ChartBuilder {
    /// What `#show` draws for a built-in object, or nil when it draws nothing for it.
    static func output(of object: any CellObject) -> CellOutput? {
        switch object {
        case let history as HistoryObject: .chart(chart(of: history.history))
        case let matrix as ConfusionObject: .table(matrix.table)
        case let data as DatasetObject: .figure(examples(of: data))
        default: nil
        }
    }

    /// Loss on the left panel, accuracy (0…1) on the right when the loss has classes; training and,
    /// when `fit` had validation data, validation curves on each.
    static func chart(of history: TrainingHistory) -> Chart {
        let epochs = history.epochs.count
        let xs = (1...max(1, epochs)).map(Double.init)
        func series(_ name: String, _ values: [Float]) -> [Chart.Series] {
            values.isEmpty ? [] : [Chart.Series(name: name, values: values.map(Double.init))]
        }
        var panels = [Chart.Panel(title: "loss", xLabel: "epoch", xs: xs,
                                  series: series("training", history.loss) + series("validation", history.validationLoss))]
        if !history.accuracy.isEmpty {
            panels.append(Chart.Panel(title: "accuracy", xLabel: "epoch", xs: xs,
                                      series: series("training", history.accuracy) + series("validation", history.validationAccuracy),
                                      yRange: 0...1))
        }
        let measured = panels.map(\.title).joined(separator: " and ")
        return Chart(panels: panels, alt: "\(measured) over \(epochs) epoch\(epochs == 1 ? "" : "s")")
    }

    /// How many images `#show(dataset)` draws.
    static let exampleCount = 12

    /// The first images of a data set on one scale, each labelled with its class.
    static func examples(of data: DatasetObject) -> Figure {
        let images = data.data.images
        let (height, width) = (images.shape[1], images.shape[2])
        let size = images.count / max(1, images.shape[0])
        let shown = min(exampleCount, data.data.count)
        let panels = (0..<shown).map { index in
            // The first channel of each image: the data sets are grey.
            let values = stride(from: index * size, to: (index + 1) * size, by: max(1, size / (height * width))).map { images.scalars[$0] }
            return Figure.Panel(label: "label \(data.data.labels[index])", width: width, height: height, values: values)
        }
        return FigureBuilder.heatmap(panels, alt: "the first \(shown) of \(NumberFormat.grouped(data.data.count)) images of \(height)×\(width), with their labels")
    }
}
