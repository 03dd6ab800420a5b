let stacked = Sequential(input: [32, 32, 64]) {
    Conv2D(filters: 64, kernel: 3, padding: .same)
    Conv2D(filters: 64, kernel: 3, padding: .same)
}
let single = Conv2D(filters: 64, kernel: 5, padding: .same)
#expect(stacked.receptiveField.size == 5)
#expect(stacked.parameterCount < Sequential(input: [32, 32, 64]) { single }.parameterCount)
