import Foundation
import Testing
import WuyeCore

@Test func systemClockReportsTheCurrentTime() {
    // Given the real clock, When asked for now, Then it lies between two readings of Date()
    let before = Date()
    let now = SystemClock().now()
    let after = Date()
    #expect(before <= now)
    #expect(now <= after)
}

@Test func systemClockIsUsableAsAWuyeClock() {
    let clock: any WuyeClock = SystemClock()
    #expect(abs(clock.now().timeIntervalSinceNow) < 60)
}
