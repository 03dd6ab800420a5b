import Outputs
import Notebook

/// A `Table` as aligned monospace text.
enum TextTable {
    static func render(_ table: Table) -> String {
        let columns = table.columns.count
        var widths = table.columns.map { $0.title.count }
        for row in table.rows {
            for (index, cell) in row.prefix(columns).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<columns {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(table.columns[index].alignment == .right ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.last?.isWhitespace == true { text.removeLast() }
            return text + "\n"
        }
        var out = table.title.map { $0 + "\n" } ?? ""
        out += line(table.columns.map(\.title))
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows { out += line(row) }
        for footer in table.footer { out += footer + "\n" }
        return out
    }
}
