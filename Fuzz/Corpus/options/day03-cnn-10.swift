//| label: equivariance
let x = 1
