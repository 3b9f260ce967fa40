import WuyeCore

/// The owners' common fund (业主共有资金): money the compound's common parts earn — parking,
/// advertising, venue rent — held in an account in the owners' assembly's name and spent only as
/// the owners decide (Civil Code Art. 282; Qingdao 物业管理条例 Art. 78). Kept as a double-entry
/// ledger: the bank account against income and expense categories.
public enum CommonFundAccount: String, CaseIterable, Codable, Sendable {
    case bank
    case parking, advertising
    case venueRent = "venue_rent"
    case interest
    case otherIncome = "other_income"
    case repairs, facilities, greening, allowances
    case bankCharges = "bank_charges"
    case otherExpense = "other_expense"

    public enum Kind: String, Sendable { case asset, income, expense }

    public var kind: Kind {
        switch self {
        case .bank: .asset
        case .parking, .advertising, .venueRent, .interest, .otherIncome: .income
        case .repairs, .facilities, .greening, .allowances, .bankCharges, .otherExpense: .expense
        }
    }

    public var chineseName: String {
        switch self {
        case .bank: "银行存款"
        case .parking: "停车收益"
        case .advertising: "广告收益"
        case .venueRent: "场地租金"
        case .interest: "利息"
        case .otherIncome: "其他共有收益"
        case .repairs: "共用部位维修"
        case .facilities: "共用设施设备"
        case .greening: "绿化环境"
        case .allowances: "业委会工作经费"
        case .bankCharges: "银行手续费"
        case .otherExpense: "其他支出"
        }
    }

    public static var incomes: [CommonFundAccount] { allCases.filter { $0.kind == .income } }
    public static var expenses: [CommonFundAccount] { allCases.filter { $0.kind == .expense } }
}

/// One line of a journal entry.
public struct JournalLine: Sendable, Equatable {
    public let account: CommonFundAccount
    public let debit: Fen
    public let credit: Fen

    public init(account: CommonFundAccount, debit: Fen, credit: Fen) {
        self.account = account
        self.debit = debit
        self.credit = credit
    }
}

/// A journal entry: balanced by construction — income debits the bank and credits its category,
/// an expense the reverse, and a correction is a reversal that swaps every line. Entries are never
/// edited or deleted.
public struct JournalEntry: Sendable, Equatable {
    public let lines: [JournalLine]

    public static func income(_ category: CommonFundAccount, amount: Fen) throws(DomainError) -> JournalEntry {
        guard category.kind == .income else { throw wrongCategory }
        try positive(amount)
        return JournalEntry(lines: [JournalLine(account: .bank, debit: amount, credit: .zero),
                                    JournalLine(account: category, debit: .zero, credit: amount)])
    }

    public static func expense(_ category: CommonFundAccount, amount: Fen) throws(DomainError) -> JournalEntry {
        guard category.kind == .expense else { throw wrongCategory }
        try positive(amount)
        return JournalEntry(lines: [JournalLine(account: category, debit: amount, credit: .zero),
                                    JournalLine(account: .bank, debit: .zero, credit: amount)])
    }

    /// The entry that undoes `lines`: every debit becomes a credit and the other way round.
    public static func reversal(of lines: [JournalLine]) -> JournalEntry {
        JournalEntry(lines: lines.map { JournalLine(account: $0.account, debit: $0.credit, credit: $0.debit) })
    }

    public var isBalanced: Bool {
        lines.reduce(Int64(0)) { $0 + $1.debit.rawValue } == lines.reduce(Int64(0)) { $0 + $1.credit.rawValue }
    }

    /// What the entry does to the bank balance.
    public var bankChange: Int64 {
        lines.filter { $0.account == .bank }.reduce(Int64(0)) { $0 + $1.debit.rawValue - $1.credit.rawValue }
    }

    static func positive(_ amount: Fen) throws(DomainError) {
        guard amount > .zero else {
            throw DomainError(code: "invalid_amount", message: "金额须大于 0", english: "an amount is more than 0", field: "amount")
        }
    }

    static let wrongCategory = DomainError(code: "invalid_category", message: "请选择收支类别", english: "choose a category", field: "category")
}

/// What an expense needs (reference §2.2, Qingdao Art. 78): a committee decision always, and above a
/// set amount a motion the owners' assembly passed (Civil Code Art. 278 item 9).
public enum ExpenseApproval: Sendable, Equatable {
    case committeeDecision(String)
    case assemblyMotion(decision: String, meetingID: Int64, motion: Int)

    public static let defaultAssemblyAbove = Fen(5_000_000)  // 50,000 元

    public var decision: String {
        switch self {
        case .committeeDecision(let text), .assemblyMotion(let text, _, _): text
        }
    }

    /// Is this approval enough for `amount`?
    public func check(amount: Fen, assemblyAbove: Fen) throws(DomainError) {
        let decision = self.decision.trimmedWhitespace
        guard (1...100).contains(decision.count) else {
            throw DomainError(code: "decision_required", message: "请填写业委会决定的文号或会议记录编号",
                              english: "name the committee decision", field: "decision")
        }
        if amount > assemblyAbove, case .committeeDecision = self {
            throw DomainError(code: "assembly_required", message: "超过 \(assemblyAbove) 元的支出须经业主大会表决通过，请选择通过的议题",
                              english: "above \(assemblyAbove) 元 an expense needs a motion the assembly passed", field: "motion")
        }
    }
}
