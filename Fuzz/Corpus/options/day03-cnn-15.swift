//| label: relu
let x = 1
