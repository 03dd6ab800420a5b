import Kernels

extension Tensor {
    /// `Tensor.elementCount(of:)` with the budget's explanation as a `DatasetsError`.
    static func checkedCount(of shape: [Int]) throws(DatasetsError) -> Int {
        do {
            return try elementCount(of: shape)
        } catch {
            throw DatasetsError("\(error)")
        }
    }

    /// `Tensor(shape:scalars:)` with its explanation as a `DatasetsError`.
    static func checked(_ shape: [Int], _ scalars: [Float]) throws(DatasetsError) -> Tensor {
        do {
            return try Tensor(shape: shape, scalars: scalars)
        } catch {
            throw DatasetsError("\(error)")
        }
    }
}
