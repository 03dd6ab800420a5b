internal import Layers
import Outputs

extension Interpreter {
    /// A model's summary as a table: each layer's output shape, parameters, receptive field and
    /// multiply-adds, and Keras's totals underneath; the model's warnings become warning outputs.
    func summaryTable(_ model: Sequential, input: [Int], at span: Span, emitWarnings: Bool) throws -> Table {
        let summary = try ModelSummary(model: model, input: input)
        let rows = summary.rows.map { row in
            [
                String(repeating: "  ", count: row.depth) + "\(row.position) \(row.layer)",
                "\(row.outputShape)",
                NumberFormat.grouped(row.parameters.trainable),
                NumberFormat.grouped(row.parameters.nonTrainable),
                "\(row.receptiveField.height)×\(row.receptiveField.width)",
                NumberFormat.grouped(row.multiplyAdds),
            ]
        }
        let parameters = summary.parameters
        let footer = [
            "Total params: \(NumberFormat.grouped(parameters.total)) (\(NumberFormat.bytes(summary.parameterBytes)))",
            "Trainable params: \(NumberFormat.grouped(parameters.trainable)) "
                + "(\(NumberFormat.bytes(parameters.trainable * 4)))",
            "Non-trainable params: \(NumberFormat.grouped(parameters.nonTrainable)) "
                + "(\(NumberFormat.bytes(parameters.nonTrainable * 4)))",
            "Multiply-adds: \(NumberFormat.grouped(summary.multiplyAdds))",
            "Receptive field: \(summary.receptiveField.height)×\(summary.receptiveField.width)",
        ]
        for warning in summary.warnings where emitWarnings {
            warn(warning, at: span)
        }
        return Table(
            title: "\(model.description) · input \(input)",
            columns: [
                .init("Layer"), .init("Output shape"), .init("Params (trainable)", alignment: .right),
                .init("Non-trainable", alignment: .right), .init("Receptive field", alignment: .right),
                .init("Multiply-adds", alignment: .right),
            ],
            rows: rows, footer: footer)
    }
}
