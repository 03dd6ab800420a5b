//| label: lenet
let x = 1
