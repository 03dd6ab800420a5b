//| label: equivariance
let shiftedThenConvolved = conv(image.shifted(by: [2, 3]))
let convolvedThenShifted = maps.shifted(by: [2, 3])
#expect(isClose(shiftedThenConvolved[4..<28, 5..<28], convolvedThenShifted[4..<28, 5..<28], tolerance: 1e-5))
