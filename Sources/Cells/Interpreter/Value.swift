internal import Kernels
internal import Layers

/// A value of the cell language.
///
/// Numbers follow Swift: `Int` (64-bit, overflow is an error), `Double`, and `Float` for tensor
/// scalars (`t.mean()`), which prints as Swift prints a `Float` (`0.33333334`).
enum Value {
    /// What a statement or a call without a result gives; never displayed.
    case void
    case int(Int)
    case double(Double)
    case float(Float)
    case bool(Bool)
    case string(String)
    case array([Value])
    case range(IntRange)
    case function(Function)
    /// A built-in type used as a value: `Tensor` in `Tensor.zeros(…)`, `Conv2D` in `Conv2D(…)`.
    case type(BuiltinType)
    /// `.same` before the parameter it is passed to gives it a type.
    case symbol(String)
    /// A tensor, counted against the notebook's budget of live tensor elements while it exists.
    case tensor(TensorBox)
    /// A layer or model: a reference, as a Swift class (`conv.weights = k` changes it for every name).
    case layer(any Layer)
    /// `.valid`, `.same` or `.explicit(n)` once a parameter made it one.
    case padding(Padding)
    /// A small read-only structure with named fields, such as a receptive field.
    case record(Record)
    /// A built-in object with members: an optimiser, a training history, a data set, gradients.
    case object(any CellObject)
}
