import Foundation
import PropertyBased
import Testing
@testable import VTCModel

@Suite struct IdentifiersTests {
    @Test("an id's lowercase form is Foundation's uuidString lowercased")
    func lowercasedStringIsTheUUIDStringLowercased() async {
        await propertyCheck(count: 200, input: RandomEvents.event(of: .registered)) { event in
            #expect(event.id.lowercasedString == event.id.uuidString.lowercased())
            #expect(event.payload.incident!.lowercasedString == event.payload.incident!.uuidString.lowercased())
        }
        #expect(UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255)).lowercasedString
                == "00010203-0405-0607-0809-0a0b0c0d0eff")
    }

    @Test("incidents of the same moment are ordered by their ids' text")
    func sameMomentOrdersByTheIdsText() {
        var g = Sampler(rng: Xoshiro(seed: (11, 12, 13, 14)))
        for _ in 0..<2_000 {
            let (a, b) = (g.uuid(), g.pick([g.uuid(), UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 0))]))
            let precedes = NewestFirstKey.precedes(NewestFirstKey(occurred: 5, registered: 7, id: a, index: 0),
                                                   NewestFirstKey(occurred: 5, registered: 7, id: b, index: 1))
            #expect(precedes == (a.uuidString < b.uuidString), "\(a) \(b)")
        }
    }
}
