import Disclosure
import Foundation
import Testing
import WuyeCore

/// Items current, stale or missing at their bounds; publications kept at least 3 days.
struct DisclosureTests {
    @Test func anItemIsStaleOnlyAfterItsRefreshInterval() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(DisclosureStatus.of(.licenceAndContacts, published: nil, now: now) == .missing)
        #expect(DisclosureStatus.of(.licenceAndContacts, published: now.addingTimeInterval(-365 * 86_400), now: now) == .current)
        #expect(DisclosureStatus.of(.licenceAndContacts, published: now.addingTimeInterval(-365 * 86_400 - 1), now: now) == .stale)
        #expect(DisclosureStatus.of(.commonRevenue, published: now.addingTimeInterval(-93 * 86_400), now: now) == .stale)
        #expect(DisclosureItem.items(of: .company).count == 5 && DisclosureItem.items(of: .committee).count == 3)
    }

    @Test func aPublicationStaysUpAtLeastThreeDays() throws {
        #expect(try DisclosureDraft(title: "收费标准", body: "住宅 2.35 元/平方米/月", keptDays: 3).keptDays == 3)
        #expect(#expect(throws: DomainError.self) { try DisclosureDraft(title: "收费标准", body: "x", keptDays: 2) }?.field == "kept_days")
        #expect(#expect(throws: DomainError.self) { try DisclosureDraft(title: " ", body: "x", keptDays: 30) }?.field == "title")
        #expect(DisclosureCoverage.completeness([.current, .current, .stale, .missing, .current]) == 600)
    }
}
