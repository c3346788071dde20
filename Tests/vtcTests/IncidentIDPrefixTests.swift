import Foundation
import Testing
@testable import vtc

@Suite struct IncidentIDPrefixTests {
    let ids = [
        UUID(uuidString: "3f2a9c10-0000-4000-8000-000000000001")!,
        UUID(uuidString: "3f2a9c11-0000-4000-8000-000000000002")!,
        UUID(uuidString: "7b00aa00-0000-4000-8000-000000000003")!,
    ]

    @Test func aUniquePrefixOfSixOrMoreNamesItsID() {
        #expect(IncidentIDPrefix.resolve("7b00aa", among: ids) == .success(ids[2]))
        #expect(IncidentIDPrefix.resolve("3F2A9C11", among: ids) == .success(ids[1]))
        #expect(IncidentIDPrefix.resolve(ids[0].uuidString, among: ids) == .success(ids[0]))
    }

    @Test func shortUnknownAndAmbiguousPrefixesAreRefused() {
        #expect(IncidentIDPrefix.resolve("7b00a", among: ids) == .failure(.tooShort("7b00a")))
        #expect(IncidentIDPrefix.resolve("ffffff", among: ids) == .failure(.notFound("ffffff")))
        #expect(IncidentIDPrefix.resolve("3f2a9c", among: ids) == .failure(.ambiguous("3f2a9c", matches: 2)))
    }
}
