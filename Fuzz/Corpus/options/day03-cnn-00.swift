//| label: inductive-bias
let x = 1
