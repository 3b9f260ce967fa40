import Foundation
import Testing
import WuyeCore

@Test func fixedClockAlwaysReportsItsDate() {
    // Given a clock fixed at an instant
    let instant = Date(timeIntervalSince1970: 1_748_750_400)
    let clock: any WuyeClock = FixedClock(instant)
    // When asked twice, Then it answers the same instant both times
    #expect(clock.now() == instant)
    #expect(clock.now() == instant)
}

@Test func fixedClockCanBeMovedForward() {
    var clock = FixedClock(Date(timeIntervalSince1970: 0))
    clock.date = Date(timeIntervalSince1970: 86_400)
    #expect(clock.now() == Date(timeIntervalSince1970: 86_400))
    #expect(clock.now() != Date(timeIntervalSince1970: 0))
}
