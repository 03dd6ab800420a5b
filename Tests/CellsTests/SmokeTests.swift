import Testing
@testable import Cells

@Suite struct SmokeTests {
    @Test func smoke() {
        var notebook = Notebook()
        let cells = [
            "let x = 1 + 2 * 3\nx",
            "print(\"hello\", x)\nvar a = [1, 2, 3]\na.append(4)\na.map { $0 * 2 }",
            "func f(_ n: Int) -> Int { n <= 1 ? 1 : n * f(n - 1) }\nf(10)",
            "let t = Tensor([[1, 2], [3, 4]])\nt",
            "#expect(t.shape == [2, 3])\n#expect(t.sum() == 10)",
            "let conv = Conv2D(filters: 16, kernel: 3)\nconv",
            "let model = Sequential(input: [32, 32, 3]) {\n  Conv2D(filters: 8, kernel: 3)\n  ReLU()\n  MaxPool2D(2)\n  Flatten()\n  Dense(10)\n}\nmodel",
            "let y = model(Tensor.random([32, 32, 3]))\ny.shape",
            "let q = Conv2D(filter: 3, kernel: 3)",
            "guard true else {}",
            "let z = 1 +",
            "var n = 9223372036854775807\nn += 1",
            "while true {}",
            "func r(_ n: Int) -> Int { r(n + 1) }\nr(0)",
            "Tensor.zeros([100000, 100000, 3])",
            "#show(Tensor.random([8, 8, 4]))",
            "#summary(model, input: [32, 32, 3])",
            "1.0 / 3.0",
            "t.mean()",
            "Float(1) / 3",
        ]
        for cell in cells {
            print("---\n" + cell + "\n>>>")
            print(notebook.transcript(cell))
        }
    }
}
