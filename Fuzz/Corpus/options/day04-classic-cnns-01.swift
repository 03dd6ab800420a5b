//| label: alexnet
let x = 1
