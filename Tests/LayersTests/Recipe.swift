/// A way to make a value, for test tables: layers are classes and not `Sendable`, but recipes are.
struct Recipe<Product>: Sendable {
    let make: @Sendable () throws -> Product

    init(_ make: @escaping @Sendable () throws -> Product) {
        self.make = make
    }

    func callAsFunction() throws -> Product { try make() }
}
