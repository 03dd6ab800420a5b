//| label: too-large
//| error: "does not fit"
let x = 1
