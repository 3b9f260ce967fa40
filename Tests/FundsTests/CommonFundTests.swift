import Funds
import Testing
import WuyeCore

/// The common fund's entries are balanced by construction; reversals undo exactly; an expense
/// above the threshold needs the assembly.
struct CommonFundTests {
    @Test func incomeExpenseAndReversalAreBalancedAndMoveTheBank() throws {
        let income = try JournalEntry.income(.parking, amount: Fen(120_000))
        let expense = try JournalEntry.expense(.repairs, amount: Fen(80_000))
        let reversal = JournalEntry.reversal(of: expense.lines)
        for entry in [income, expense, reversal] { #expect(entry.isBalanced) }
        #expect(income.bankChange == 120_000 && expense.bankChange == -80_000 && reversal.bankChange == 80_000)
        #expect(#expect(throws: DomainError.self) { try JournalEntry.income(.repairs, amount: Fen(1)) }?.field == "category")
        #expect(#expect(throws: DomainError.self) { try JournalEntry.expense(.greening, amount: .zero) }?.field == "amount")
    }

    @Test func anExpenseAboveTheThresholdNeedsAnAssemblyMotion() throws {
        let limit = ExpenseApproval.defaultAssemblyAbove
        try ExpenseApproval.committeeDecision("业委会〔2026〕3 号").check(amount: limit, assemblyAbove: limit)
        let above = #expect(throws: DomainError.self) {
            try ExpenseApproval.committeeDecision("业委会〔2026〕3 号").check(amount: limit + Fen(1), assemblyAbove: limit)
        }
        #expect(above?.code == "assembly_required" && above?.field == "motion")
        try ExpenseApproval.assemblyMotion(decision: "业委会〔2026〕4 号", meetingID: 1, motion: 2).check(amount: limit + Fen(1), assemblyAbove: limit)
        #expect(#expect(throws: DomainError.self) { try ExpenseApproval.committeeDecision(" ").check(amount: Fen(1), assemblyAbove: limit) }?.field == "decision")
    }
}
