import Testing
import Layers

@Suite struct SeedsTests {
    @Test func childSeedsOfZeroAreSplitMix64sPublishedSequence() {
        // SplitMix64 (Steele, Lea, Flood 2014) from state 0: the reference outputs.
        #expect(Seeds.child(of: 0, at: 1) == 0xE220_A839_7B1D_CDAF)
        #expect(Seeds.child(of: 0, at: 2) == 0x6E78_9E6A_A1B9_65F4)
        #expect(Seeds.child(of: 0, at: 3) == 0x06C4_5D18_8009_454F)
    }

    @Test func positionsAndParentsGiveDifferentSeeds() {
        let seeds = Set((1...100).map { Seeds.child(of: 7, at: $0) } + (1...100).map { Seeds.child(of: 8, at: $0) })
        #expect(seeds.count == 200)
    }
}
