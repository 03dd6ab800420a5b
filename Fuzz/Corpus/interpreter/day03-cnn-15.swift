//| label: relu
let z = Tensor([[-2, -0.5, 0, 0.5, 2]])
#expect(isClose(relu(z), Tensor([[0, 0, 0, 0.5, 2]]), tolerance: 0))
relu(z)
