//| label: inductive-bias
let linear = Sequential(input: [32, 32, 3]) { Flatten(); Dense(10) }
let mlp = Sequential(input: [32, 32, 3]) { Flatten(); Dense(256); ReLU(); Dense(10) }
let cnn = Sequential(input: [32, 32, 3]) {
    Conv2D(filters: 16, kernel: 3, padding: .same)
    ReLU()
    MaxPool2D(2)
    Conv2D(filters: 32, kernel: 3, padding: .same)
    ReLU()
    GlobalAvgPool2D()
    Dense(10)
}
// A transformer encoder block of width d and feed-forward width f, counted by formula:
// attention 4·(d·d + d), feed-forward d·f + f + f·d + d, two layer norms 2·2·d.
func transformerBlock(_ d: Int, _ f: Int) -> Int { 4 * (d * d + d) + (d * f + f + f * d + d) + 4 * d }
#expect(transformerBlock(768, 3072) == 7_087_872)   // one BERT-base layer, as published
print("linear     \(linear.parameterCount)")
print("MLP        \(mlp.parameterCount)")
print("CNN        \(cnn.parameterCount)")
print("attention  \(transformerBlock(64, 256)) per block of width 64")
#expect(cnn.parameterCount < linear.parameterCount)
#expect(mlp.parameterCount > 100 * cnn.parameterCount)
