//| label: sobel
//| caption: The Sobel kernel (left) and its response on the scene (right): red where brightness rises to the right, blue where it falls
let sobel = Tensor([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]).reshaped([3, 3, 1, 1])
let edges = conv2d(scene, sobel)
#expect(edges.shape == [30, 30, 1])
#show(sobel.reshaped([3, 3]))
#show(edges)
