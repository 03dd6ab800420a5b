//| label: sparse
let x = 1
