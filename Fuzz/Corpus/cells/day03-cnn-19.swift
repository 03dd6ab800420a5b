//| label: feature-maps
//| caption: The four maps after each convolution and ReLU: 32×32, then 16×16, then 8×8
let firstMaps = relu(net.layers[0](scene))
let secondMaps = relu(net.layers[3](maxPool2d(firstMaps, size: 2)))
let thirdMaps = relu(net.layers[6](maxPool2d(secondMaps, size: 2)))
#expect(thirdMaps.shape == [8, 8, 4])
#show(firstMaps)
#show(secondMaps)
#show(thirdMaps)
