import WuyeCore

extension AssemblyExport {
    /// The export as tables for a spreadsheet: the voting rights with their homes, every ballot
    /// with its receipt and chain link, and each motion's totals and result. Areas in m² to 0.01,
    /// exactly as stored (0.01 m² integers).
    public enum Table: String, CaseIterable, Sendable {
        case rights, ballots, results

        public var chineseName: String {
            switch self {
            case .rights: "表决权"
            case .ballots: "选票"
            case .results: "表决结果"
            }
        }
    }

    public func csv(_ table: Table) -> [UInt8] {
        func area(_ value: Int64) -> String { CentiSquareMetres(value).description }
        switch table {
        case .rights:
            return CSVText.document(
                header: ["表决权编号", "类别", "房屋编号", "面积(m²)"],
                rows: votingRights.map { right in
                    [String(right.id), right.holder.rawValue, right.homeIDs.map(String.init).joined(separator: " "), area(right.area)]
                } + [["合计", "", "\(totals.headcount) 个表决权", area(totals.area)]])
        case .ballots:
            return CSVText.document(
                header: ["序号", "表决权编号", "议题", "选择", "方式", "回执码", "时间(UTC)", "前一票哈希", "哈希"],
                rows: ballots.map { ballot in
                    [String(ballot.seq), String(ballot.rightID), String(ballot.motionID), ballot.choice.rawValue, ballot.channel,
                     ballot.receipt, ballot.castAt, ballot.prevHash, ballot.hash]
                })
        case .results:
            return CSVText.document(
                header: ["议题", "事项", "表决规则", "参与面积(m²)", "参与人数", "同意面积(m²)", "同意人数", "反对面积(m²)", "反对人数",
                         "弃权面积(m²)", "弃权人数", "总面积(m²)", "总人数", "达到法定人数", "通过"],
                rows: zip(motions, results).map { motion, result in
                    let c = result.count
                    return [motion.title, motion.matter.citation, motion.matter.threshold == .special ? "≥ 3/4" : "> 1/2",
                            area(c.participatingArea), String(c.participatingHeadcount), area(c.agreeArea), String(c.agreeHeadcount),
                            area(c.disagreeArea), String(c.disagreeHeadcount), area(c.abstainArea), String(c.abstainHeadcount),
                            area(totals.area), String(totals.headcount), result.quorum ? "是" : "否", result.passed ? "是" : "否"]
                })
        }
    }
}
