internal import Autodiff
internal import Kernels

/// A tensor held by a value, counted in its ledger from creation to release.
final class TensorBox {
    /// The tensor; written in place only when the box is uniquely referenced.
    var tensor: Tensor
    /// The tensor as recorded inside a `gradient(at:)` closure, when it depends on the point the
    /// gradient is taken at; nil for every other tensor.
    let variable: Variable?
    private let ledger: TensorLedger

    init(_ tensor: Tensor, variable: Variable? = nil, ledger: TensorLedger) {
        self.tensor = tensor
        self.variable = variable
        self.ledger = ledger
        ledger.liveElements += tensor.count
    }

    deinit {
        ledger.liveElements -= tensor.count
    }
}

/// How many tensor elements a notebook's values hold at once, so that a loop keeping tensors
/// (`a.append(Tensor.zeros(…))`) stops at a budget instead of exhausting memory.
final class TensorLedger {
    var liveElements = 0
}
