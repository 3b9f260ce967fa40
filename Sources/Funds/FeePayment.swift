import WuyeCore

/// How an owner paid: at the service station's counter (Jinan Lixia: the steward takes payments,
/// 网格管家接业主缴费), by transfer, or by a payment app.
public enum PaymentMethod: String, CaseIterable, Codable, Sendable {
    case cash, card
    case bankTransfer = "bank_transfer"
    case wechat, alipay

    public var chineseName: String {
        switch self {
        case .cash: "现金"
        case .card: "刷卡"
        case .bankTransfer: "银行转账"
        case .wechat: "微信支付"
        case .alipay: "支付宝"
        }
    }
}

/// A payment against a bill: full or partial, never more than is owed, with its receipt number.
public struct FeePayment: Sendable, Equatable {
    public let amount: Fen
    public let method: PaymentMethod
    public let receiptNumber: String

    public init(amount: String, method: String, receiptNumber: String, outstanding: Fen) throws(DomainError) {
        let fen: Fen
        do { fen = try Fen.parse(yuan: amount) } catch { throw error.on(field: "amount") }
        guard fen > .zero else {
            throw DomainError(code: "invalid_amount", message: "缴费金额须大于 0", english: "a payment is more than 0", field: "amount")
        }
        guard fen <= outstanding else {
            throw DomainError(code: "overpayment", message: "缴费金额不能超过欠费 \(outstanding) 元", english: "a payment is at most what is owed",
                              field: "amount")
        }
        guard let method = PaymentMethod(rawValue: method) else {
            throw DomainError(code: "invalid_method", message: "请选择缴费方式", english: "choose how it was paid", field: "method")
        }
        let receipt = receiptNumber.trimmedWhitespace
        guard (1...40).contains(receipt.count) else {
            throw DomainError(code: "receipt_required", message: "请填写收据编号", english: "a receipt number is required", field: "receipt_number")
        }
        self.amount = fen
        self.method = method
        self.receiptNumber = receipt
    }
}

/// The collection rate (收缴率): fen collected over fen billed for a period, in ‰ rounded half up.
public enum CollectionRate {
    public static func permille(collected: Int64, billed: Int64) -> Int? {
        Permille.of(Int(collected), Int(billed))
    }
}
