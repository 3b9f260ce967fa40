import Access
import Testing
import WuyeCore

struct PasswordRulesTests {
    @Test func aLongMixedPasswordIsAccepted() throws {
        try PasswordRules.check("qingdao2026home", mobile: "13812345678")
    }

    @Test(arguments: [
        ("abc123", "password_length"), ("abcdefghij", "password_too_simple"), ("1234567890123", "password_too_simple"),
        ("a13812345678", "password_guessable"), ("Password123", "password_guessable"),
    ])
    func weakPasswordsAreRefusedWithTheReason(password: String, code: String) {
        let error = #expect(throws: DomainError.self) { try PasswordRules.check(password, mobile: "13812345678") }
        #expect(error?.code == code)
        #expect(error?.field == "password")
    }
}

struct SignInThrottleTests {
    let throttle = SignInThrottle(limit: 3, windowSeconds: 600, lockSeconds: 900)

    @Test func theLimitthFailureInsideTheWindowLocks() {
        var state: SignInThrottle.State? = nil
        for second in [0, 10, 20] as [Int64] { state = throttle.failing(state, now: second) }
        #expect(throttle.isLocked(state, now: 21))
        #expect(throttle.isLocked(state, now: 919))
        #expect(!throttle.isLocked(state, now: 920))
    }

    @Test func failuresSpreadBeyondTheWindowDoNotLock() {
        var state: SignInThrottle.State? = nil
        for second in [0, 300, 700, 1000] as [Int64] { state = throttle.failing(state, now: second) }
        #expect(!throttle.isLocked(state, now: 1001))
        #expect(state?.failures == 2)
    }

    @Test func aFailureAfterALockExpiresStartsAgain() {
        var state: SignInThrottle.State? = nil
        for second in [0, 1, 2] as [Int64] { state = throttle.failing(state, now: second) }
        state = throttle.failing(state, now: 950)
        #expect(state?.failures == 1)
        #expect(!throttle.isLocked(state, now: 951))
    }
}
