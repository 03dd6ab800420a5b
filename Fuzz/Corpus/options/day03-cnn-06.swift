//| label: sobel
//| caption: The Sobel kernel (left) and its response on the scene (right): red where brightness rises to the right, blue where it falls
let x = 1
