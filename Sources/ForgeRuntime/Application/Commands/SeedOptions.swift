import ArgumentParser

/// The options of `seed`, shared with `fresh --seed`.
public struct SeedOptions: ParsableArguments {
    @Option(help: "Run only this resource's seeder (its name, as in `Product`).")
    var seeder: String?

    @Option(help: "Rows each seeder inserts (1-1000000).")
    var count = 10

    public init() {}

    public func validate() throws {
        guard (1...1_000_000).contains(count) else {
            throw ValidationError("--count needs a number of rows (1-1000000)")
        }
    }
}
