import Funds
import Testing
import WuyeCore

/// Service-fee amounts by the rounding rule at its bounds, who pays, periods, payments and the rate.
struct ServiceFeeTests {
    @Test func aBillLineIsAreaTimesRateTimesMonthsRoundedHalfUpOnce() throws {
        let rate = try FeeRate(text: "2.35")
        #expect(ServiceFee.amount(area: 8_937, rate: rate, months: 1) == Fen(21_002))   // 210.0195 → 210.02
        #expect(ServiceFee.amount(area: 8_937, rate: rate, months: 12) == Fen(252_023))  // 2,520.234 → 2,520.23, not 12 × 210.02
        // Exactly half a fen rounds up; a thousandth of a fen less rounds down.
        let cheap = try FeeRate(text: "0.005")
        #expect(ServiceFee.amount(area: 10_000, rate: cheap, months: 1) == Fen(50))      // 100 m² × 0.005 = 0.50 元
        #expect(ServiceFee.amount(area: 1_000, rate: try FeeRate(text: "0.001"), months: 5) == Fen(5))  // 10 m² × 0.001 元 × 5 months = 0.05 元
        #expect(ServiceFee.amount(area: 50, rate: try FeeRate(text: "0.01"), months: 1) == Fen(1))   // 0.5 m² × 0.01 = 0.005 元 → 0.01
        #expect(ServiceFee.amount(area: 49, rate: try FeeRate(text: "0.01"), months: 1) == Fen(0))   // 0.0049 元 → 0.00
    }

    @Test func ratesAreTypedToAThousandthOfAYuan() throws {
        #expect(try FeeRate(text: "0.60").milliYuan == 600 && (try FeeRate(text: "0.6")).description == "0.60")
        #expect(try FeeRate(text: "1.255").description == "1.255" && (try FeeRate(text: "3")).description == "3.00")
        for bad in ["", "-1", "0", "1.2345", "abc", "1,5", "1000"] {
            #expect(#expect(throws: DomainError.self) { try FeeRate(text: bad) }?.field == "rate", "\(bad)")
        }
    }

    @Test func theDeveloperPaysForHomesNotYetDelivered() {
        #expect(FeePayer(delivered: false) == .developer && FeePayer(delivered: true) == .owner)
    }

    @Test func aPeriodIsOneToTwelveMonthsFromAMonth() throws {
        #expect(try BillingPeriod(first: "2026-11", months: 3).description == "2026-11 至 2027-01")
        #expect(try BillingPeriod(first: "2026-11", months: 1).description == "2026-11")
        #expect(#expect(throws: DomainError.self) { try BillingPeriod(first: "2026-13", months: 1) }?.field == "period")
        #expect(#expect(throws: DomainError.self) { try BillingPeriod(first: "2026-11", months: 13) }?.field == "months")
    }

    @Test func aPaymentIsPositiveAndNeverMoreThanIsOwed() throws {
        let owed = Fen(21_002)
        #expect(try FeePayment(amount: "100", method: "cash", receiptNumber: "SJ-0001", outstanding: owed).amount == Fen(10_000))
        #expect(try FeePayment(amount: "210.02", method: "wechat", receiptNumber: "SJ-0002", outstanding: owed).amount == owed)
        for (amount, method, receipt, field) in [("210.03", "cash", "R", "amount"), ("0", "cash", "R", "amount"), ("1", "bitcoin", "R", "method"),
                                                 ("1", "cash", " ", "receipt_number"), ("1.234", "cash", "R", "amount")] {
            #expect(#expect(throws: DomainError.self) {
                try FeePayment(amount: amount, method: method, receiptNumber: receipt, outstanding: owed)
            }?.field == field)
        }
    }

    @Test func theCollectionRateIsCollectedOverBilledInPermille() {
        #expect(CollectionRate.permille(collected: 195, billed: 230) == 848)
        #expect(CollectionRate.permille(collected: 0, billed: 0) == nil)
        #expect(CollectionRate.permille(collected: 5_000_000_000_000, billed: 5_000_000_000_000) == 1000)
    }
}
