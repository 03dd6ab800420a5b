internal import Kernels

/// A tensor held by a value, counted in its ledger from creation to release.
final class TensorBox {
    /// The tensor; written in place only when the box is uniquely referenced.
    var tensor: Tensor
    private let ledger: TensorLedger

    init(_ tensor: Tensor, ledger: TensorLedger) {
        self.tensor = tensor
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
