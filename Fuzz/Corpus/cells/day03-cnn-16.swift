//| label: collapse
let first = Dense(8, bias: false, seed: 11)
let second = Dense(4, bias: false, seed: 12)
let v = Tensor.random([16], seed: 13)
let twoLayers = second(first(v))
let oneLayer = dense(v, matmul(first.weights, second.weights))
#expect(isClose(twoLayers, oneLayer, tolerance: 1e-5))
#expect(!isClose(second(relu(first(v))), oneLayer, tolerance: 1e-5))
