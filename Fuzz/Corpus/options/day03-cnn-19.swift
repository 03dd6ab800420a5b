//| label: feature-maps
//| caption: The four maps after each convolution and ReLU: 32×32, then 16×16, then 8×8
let x = 1
