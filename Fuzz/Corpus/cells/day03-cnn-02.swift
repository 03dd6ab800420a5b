//| label: output-size
func outputSize(_ w: Int, f: Int, s: Int, p: Int) -> Int {
    (w - f + 2 * p) / s + 1
}
#expect(outputSize(32, f: 3, s: 1, p: 0) == 30)    // a 3×3 kernel trims one pixel on each side
#expect(outputSize(32, f: 3, s: 1, p: 1) == 32)    // padding 1 keeps the size ("same")
#expect(outputSize(32, f: 5, s: 1, p: 2) == 32)
#expect(outputSize(32, f: 2, s: 2, p: 0) == 16)    // stride 2 halves it
#expect(outputSize(227, f: 11, s: 4, p: 0) == 55)  // AlexNet's first layer
