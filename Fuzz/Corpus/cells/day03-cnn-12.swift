//| label: pooling
let pool = MaxPool2D(2)
#expect(pool(maps).shape == [15, 15, 16])
#expect(pool.parameterCount == 0)
#expect(avgPool2d(maps, size: 2).shape == [15, 15, 16])
